using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Traject.Tests.Infrastructure;

/// <summary>Small helpers to call the API as a client would and to read its answers.</summary>
internal static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<string> LoginAsync(WebApplicationFactory<Program> factory, string email, string password = Demo.Password, string? twoFactorCode = null)
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password, twoFactorCode });
        var body = await response.ExpectAsync(HttpStatusCode.OK);
        var json = JsonNode.Parse(body)!.AsObject();
        Assert.Equal("Bearer", (string?)json["tokenType"]);
        Assert.True((long?)json["expiresIn"] > 0);
        Assert.False(string.IsNullOrEmpty((string?)json["refreshToken"]));
        return (string?)json["accessToken"] ?? throw new InvalidOperationException("No access token in " + body);
    }

    public static HttpClient WithToken(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Asserts the status (showing the body when it differs) and returns the body.</summary>
    public static async Task<string> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)status} {status}, got {(int)response.StatusCode} {response.StatusCode}: {body}");
        return body;
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.ExpectAsync(status);
        return JsonSerializer.Deserialize<T>(body, Json) ?? throw new InvalidOperationException("Empty body.");
    }

    /// <summary>Asserts a 409 that lists its reasons (a trajectory that cannot close yet) and returns them, each with its link.</summary>
    public static async Task<List<(string Message, string Link)>> ReasonsAsync(this HttpResponseMessage response)
    {
        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        return problem["reasons"]!.AsArray().Select(r => ((string)r!["message"]!, (string)r["link"]!)).ToList();
    }

    /// <summary>Asserts a problem-details answer with this status and returns it.</summary>
    public static async Task<JsonObject> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.ExpectAsync(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal((int)status, (int?)problem["status"]);
        return problem;
    }

    /// <summary>The field names of a validation problem.</summary>
    public static IReadOnlyCollection<string> Fields(this JsonObject problem) =>
        problem["errors"] is JsonObject errors ? errors.Select(e => e.Key).ToList() : [];

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, Json);
}
