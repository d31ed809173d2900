using System.Net;
using System.Net.Http.Headers;
using Traject.Web.Modules.Trajectories;

namespace Traject.Tests.Infrastructure;

/// <summary>Contact notes and attachments as the tests add them through the API, and small files of each kind.</summary>
internal static class JournalSteps
{
    /// <summary>A PNG: its eight-byte signature and a few bytes after it (the type is found by the signature alone).</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    /// <summary>A small, plainly fictitious PDF text.</summary>
    public static readonly byte[] Pdf = "%PDF-1.4\n% Testtoestemming Voorbeeldjongere, fictief document\n%%EOF\n"u8.ToArray();

    public static string Contacts(Guid trajectoryId) => $"/api/v1/trajectories/{trajectoryId}/contacts";

    public static string Attachments(Guid trajectoryId) => $"/api/v1/trajectories/{trajectoryId}/attachments";

    /// <summary>A multipart upload form; a null field is left out.</summary>
    public static MultipartFormDataContent Form(byte[]? content, string? fileName, string? category, string? description, string contentType = "application/octet-stream")
    {
        var form = new MultipartFormDataContent();
        if (content is not null)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(file, "file", fileName ?? "bestand");
        }

        if (category is not null)
        {
            form.Add(new StringContent(category), "category");
        }

        if (description is not null)
        {
            form.Add(new StringContent(description), "description");
        }

        return form;
    }

    public static async Task<Guid> UploadAsync(HttpClient client, Guid trajectoryId, byte[] content, string fileName, string category, string description)
    {
        using var form = Form(content, fileName, category, description);
        using var response = await client.PostAsync(Attachments(trajectoryId), form);
        return (await response.ReadAsync<Changed>(HttpStatusCode.Created)).Id;
    }

    public static async Task<Guid> RecordAsync(HttpClient client, Guid trajectoryId, DateOnly on, string withWhom = "Jongere en moeder", DateOnly? followUpOn = null)
    {
        using var response = await client.PostJsonAsync(Contacts(trajectoryId), new
        {
            contactOn = on, kind = "FaceToFace", withWhom, discussed = "Hoe het op school gaat.", agreed = "Volgende week samen naar de mentor.", followUpOn,
        });
        return (await response.ReadAsync<Changed>(HttpStatusCode.Created)).Id;
    }
}
