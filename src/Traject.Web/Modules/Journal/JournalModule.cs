using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.OpenApi;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Journal;

/// <summary>The contact journal (contactjournaal) and the attachments (bijlagen) of a trajectory.</summary>
internal static partial class JournalModule
{
    public static IServiceCollection AddJournal(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<AttachmentOptions>().Bind(config.GetSection(AttachmentOptions.Section)).ValidateDataAnnotations()
            .Validate<IHostEnvironment>(AttachmentProtection.IsValid,
                "Attachments:Secret must be base64 of at least 32 random bytes; it is required outside Development (docs/adr/0031).")
            .ValidateOnStart();
        services.AddSingleton<AttachmentProtection>();
        services.AddSingleton<IAttachmentScanner, AcceptingScanner>();
        services.AddSingleton<IUploadRoutes, AttachmentUploadRoute>();
        return services.AddScoped<ContactNotes>().AddScoped<Attachments>();
    }

    public static RouteGroupBuilder MapJournal(this RouteGroupBuilder api)
    {
        var contacts = api.MapGroup("/trajectories/{id:guid}/contacts").WithTags("Contact journal");
        contacts.MapGet("/", async (Guid id, int? page, int? pageSize, CurrentActor current, ContactNotes handler, CancellationToken ct) =>
            (await handler.ListAsync(await current.RequireAsync(ct), id, page ?? 1, pageSize ?? 20, ct)).ToHttp(TypedResults.Ok))
            .WithName("ListContactNotes").WithSummary("The contact journal: dated contact notes, newest first, paged (page, pageSize up to 100)");
        contacts.MapPost("/", async (Guid id, RecordContactRequest body, CurrentActor current, ContactNotes handler, CancellationToken ct) =>
            (await handler.RecordAsync(await current.RequireAsync(ct), id, body, ct)).ToHttp(r => TypedResults.Created($"/api/v1/trajectories/{id}/contacts", r)))
            .WithName("RecordContactNote")
            .WithSummary("Add a contact note: the date (not in the future), the kind, with whom, what was discussed and agreed; a follow-up date makes a task for you");
        contacts.MapPut("/{contactId:guid}", async (Guid id, Guid contactId, CorrectContactRequest body, CurrentActor current, ContactNotes handler, CancellationToken ct) =>
            (await handler.CorrectAsync(await current.RequireAsync(ct), id, contactId, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("CorrectContactNote").WithSummary("Correct your own contact note within 24 hours of writing it, on the version you read; the text before is kept");

        var attachments = api.MapGroup("/trajectories/{id:guid}/attachments").WithTags("Attachments");
        attachments.MapGet("/", async (Guid id, CurrentActor current, Attachments handler, CancellationToken ct) =>
            (await handler.ListAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithName("ListAttachments").WithSummary("The attachments of a trajectory: what each is, never its content");
        attachments.MapPost("/", async (Guid id, HttpRequest request, CurrentActor current, Attachments handler, CancellationToken ct) =>
            (await handler.UploadAsync(await current.RequireAsync(ct), id, () => ReadUploadAsync(request, handler.MaxBytes, ct), ct))
                .ToHttp(r => TypedResults.Created($"/api/v1/trajectories/{id}/attachments/{r.Id}/content", r)))
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // The form is read by the use case after the door (so out of scope is 404 whatever is sent), not bound by
                // the framework: the document describes it here.
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["multipart/form-data"] = new()
                        {
                            Schema = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Object,
                                Required = new HashSet<string> { "file", "category", "description" },
                                Properties = new Dictionary<string, IOpenApiSchema>
                                {
                                    ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "PDF, JPEG, PNG or WebP (by content)" },
                                    ["category"] = new OpenApiSchema
                                    {
                                        Type = JsonSchemaType.String, Enum = Enum.GetNames<AttachmentCategory>().Select(n => (JsonNode)JsonValue.Create(n)).ToList(),
                                    },
                                    ["description"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Attachment.DescriptionMaxLength },
                                },
                            },
                        },
                    },
                };
                return Task.CompletedTask;
            })
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName("UploadAttachment")
            .WithSummary("Add an attachment (multipart/form-data: file, category, description): PDF, JPEG, PNG or WebP by content, within the size limit; stored encrypted");
        attachments.MapGet("/{attachmentId:guid}/content", async (Guid id, Guid attachmentId, CurrentActor current, Attachments handler, CancellationToken ct) =>
            (await handler.DownloadAsync(await current.RequireAsync(ct), id, attachmentId, ct))
                .ToHttp(f => TypedResults.File(f.Content, f.ContentType, f.FileName)))
            .ProducesContent(AttachmentTypes.Pdf.ContentType, file: true).ProducesContent(AttachmentTypes.Jpeg.ContentType, file: true)
            .ProducesContent(AttachmentTypes.Png.ContentType, file: true).ProducesContent(AttachmentTypes.WebP.ContentType, file: true)
            .WithName("DownloadAttachment").WithSummary("Download an attachment (as a file, never shown inline); every download is on the audit trail");
        attachments.MapPost("/{attachmentId:guid}/withdraw", async (Guid id, Guid attachmentId, WithdrawAttachmentRequest body, CurrentActor current, Attachments handler,
                CancellationToken ct) =>
            (await handler.WithdrawAsync(await current.RequireAsync(ct), id, attachmentId, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("WithdrawAttachment").WithSummary("Withdraw an attachment with a reason (who added it, or the coordinator): its content is removed, the record stays");
        return api;
    }

    /// <summary>Reads an upload from a multipart form; what cannot be read becomes a message, never an exception.</summary>
    internal static async Task<UploadRequest> ReadUploadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return new UploadRequest(null, null, null, null, Unreadable: "Send the attachment as multipart/form-data with the fields file, category and description.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return new UploadRequest(null, null, null, null, Unreadable: "The form could not be read: check that it is multipart/form-data and within the size limit.");
        }

        return await FromFormAsync(form["category"], form["description"], form.Files.GetFile("file"), maxBytes, ct);
    }

    /// <summary>An upload from form fields already bound (the page) or read (the API).</summary>
    internal static async Task<UploadRequest> FromFormAsync(string? category, string? description, IFormFile? file, long maxBytes, CancellationToken ct)
    {
        if (file is null)
        {
            return new UploadRequest(category, description, null, null);
        }

        if (file.Length > maxBytes)
        {
            return new UploadRequest(category, description, file.FileName, null, FileTooLarge: true);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await using (var stream = file.OpenReadStream())
        {
            await stream.CopyToAsync(buffer, ct);
        }

        return new UploadRequest(category, description, file.FileName, buffer.ToArray());
    }

    /// <summary>The upload routes (the API's and the attachments page's) and their body limit: the file plus room for the form.</summary>
    private sealed partial class AttachmentUploadRoute(Microsoft.Extensions.Options.IOptions<AttachmentOptions> options) : IUploadRoutes
    {
        public const long FormOverheadBytes = 64 * 1024;

        public long? BodyLimit(HttpRequest request) =>
            HttpMethods.IsPost(request.Method) && request.Path.Value is { } path && UploadPath().IsMatch(path) ? options.Value.MaxBytes + FormOverheadBytes : null;

        [GeneratedRegex("^(/api/v1)?/trajectories/[0-9a-fA-F-]{36}/attachments/?$", RegexOptions.CultureInvariant)]
        private static partial Regex UploadPath();
    }
}

internal sealed class ContactNoteConfiguration : IEntityTypeConfiguration<ContactNote>
{
    public void Configure(EntityTypeBuilder<ContactNote> e)
    {
        e.ToTable("ContactNotes");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.WithWhom).HasMaxLength(ContactNote.WithWhomMaxLength);
        e.Property(x => x.Discussed).HasMaxLength(ContactNote.TextMaxLength);
        e.Property(x => x.Agreed).HasMaxLength(ContactNote.TextMaxLength);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.TrajectoryId, x.ContactOn });
    }
}

internal sealed class ContactNoteRevisionConfiguration : IEntityTypeConfiguration<ContactNoteRevision>
{
    public void Configure(EntityTypeBuilder<ContactNoteRevision> e)
    {
        e.ToTable("ContactNoteRevisions");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.WithWhom).HasMaxLength(ContactNote.WithWhomMaxLength);
        e.Property(x => x.Discussed).HasMaxLength(ContactNote.TextMaxLength);
        e.Property(x => x.Agreed).HasMaxLength(ContactNote.TextMaxLength);
        e.HasOne<ContactNote>().WithMany().HasForeignKey(x => x.ContactNoteId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.ReplacedById).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.ContactNoteId);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> e)
    {
        e.ToTable("Attachments");
        e.Property(x => x.Category).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Description).HasMaxLength(Attachment.DescriptionMaxLength);
        e.Property(x => x.FileName).HasMaxLength(Attachment.FileNameMaxLength);
        e.Property(x => x.ContentType).HasMaxLength(64);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.WithdrawnReason).HasMaxLength(Attachment.ReasonMaxLength);
        e.HasOne<Trajectory>().WithMany().HasForeignKey(x => x.TrajectoryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Professional>().WithMany().HasForeignKey(x => x.UploadedById).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.TrajectoryId, x.UploadedAt });
    }
}

internal sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<AttachmentContent> e)
    {
        e.ToTable("AttachmentContents");
        e.HasKey(x => x.AttachmentId);
        e.Property(x => x.AttachmentId).ValueGeneratedNever();
        e.HasOne<Attachment>().WithOne().HasForeignKey<AttachmentContent>(x => x.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
