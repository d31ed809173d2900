using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Traject.Web.Common;

/// <summary>One reason a change is refused, as a 409 answer lists it: the message and where to act on it.</summary>
internal sealed record ConflictReason(string Message, string? Link);

/// <summary>The 409 answer: problem details and, when a change is refused for several causes, every reason (or the fields concerned).</summary>
internal sealed class ConflictProblemDetails : ProblemDetails
{
    public IReadOnlyList<ConflictReason>? Reasons { get; init; }

    /// <summary>The fields a conflict is about (e.g. a unique value taken at the same moment), as in a validation problem.</summary>
    public IDictionary<string, string[]>? Errors { get; init; }
}

/// <summary>
/// The API's contract in the OpenAPI document (docs/adr/0024): what each endpoint answers, its problem responses, the
/// bearer requirement, enums as strings. Success types come from the typed results of the endpoints; this adds what
/// follows from an endpoint's shape, so no endpoint repeats it.
/// </summary>
internal static class ApiContract
{
    public const string BearerScheme = "Bearer";
    public const string ProblemJson = "application/problem+json";

    /// <summary>What a problem answer means, by status, as the document describes it.</summary>
    private static readonly Dictionary<int, string> ProblemMeanings = new()
    {
        [StatusCodes.Status400BadRequest] = "Invalid input: the field errors are in 'errors'",
        [StatusCodes.Status401Unauthorized] = "Not signed in, or the token has expired (at login: the credentials or the second factor were refused)",
        [StatusCodes.Status403Forbidden] = "Not allowed for your role or organisation",
        [StatusCodes.Status404NotFound] = "The record does not exist or is not available to you",
        [StatusCodes.Status409Conflict] = "Refused in the record's current state, or changed by someone else in the meantime (an old version); "
            + "'reasons' lists every cause with where to act on it",
        [StatusCodes.Status413PayloadTooLarge] = $"The body is larger than {RequestLimits.ApiBodyBytes / 1024} KB",
        [StatusCodes.Status415UnsupportedMediaType] = "The body is not application/json",
        [StatusCodes.Status429TooManyRequests] = "Too many attempts: wait a minute",
        [StatusCodes.Status503ServiceUnavailable] = "The database cannot be reached just now: try again after the seconds in 'Retry-After'",
    };

    /// <summary>
    /// The licence the document names (info.license): no open-source licence, all rights reserved; an SPDX expression
    /// needs a <c>LicenseRef-</c> for that.
    /// </summary>
    public const string LicenceName = "Proprietary: use by the operator's connected organisations under their agreement";
    public const string LicenceIdentifier = "LicenseRef-Proprietary";

    /// <summary>What each tag (an endpoint group's <c>WithTags</c>) covers; a tag without one fails OpenApiDocumentTests and the lint.</summary>
    public static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Administration"] = "Regions, organisations, professionals and the audit chain check (administrators)",
        ["Aftercare"] = "The aftercare plan after care ends and its follow-up contacts",
        ["Authentication"] = "Log in for a bearer token and renew it",
        ["Care programmes"] = "The catalogue of care programmes, their versions, phases and capacity",
        ["Attachments"] = "A trajectory's attachments (signed consent, court decision, photo for a missing-person report): stored encrypted, every download audited",
        ["Contact journal"] = "A trajectory's dated contact notes: who, with whom, what was discussed and agreed",
        ["Continuity"] = "Turning 18: the continuity checklist, and the trajectory overview",
        ["Emergency access"] = "Break the glass for a dossier outside your care team, and its review",
        ["Future plan"] = "Her future plan: goals, steps and their changes",
        ["Hand-overs"] = "Warm hand-overs of a trajectory to another organisation",
        ["Incidents"] = "Group incidents that link several young people",
        ["Missing episodes"] = "Episodes in which she is missing, and their reminders",
        ["Network analysis"] = "Her network of people, places, accounts and numbers, and overlap alerts across young people",
        ["Notifications"] = "The signed-in professional's in-app notifications",
        ["Placements"] = "A trajectory's placements in care programmes: phases, next steps, time-outs and end",
        ["Registration"] = "Registration decisions, consent, national notifications and their exports",
        ["Reporting code"] = "The reporting-code weighing of a trajectory",
        ["Safety"] = "The safety assessment and safety plan",
        ["Screening"] = "The screening instrument, its versions and the evaluation of a case (stores nothing)",
        ["Screenings"] = "A trajectory's screenings and their multidisciplinary weighing",
        ["Signal pooling"] = "Signals about a young person outside your care team, pooled by name and date of birth",
        ["Statistics"] = "National figures with disclosure control (national reporters)",
        ["Tasks"] = "A trajectory's tasks",
        ["Trajectories"] = "Trajectories: my caseload, the dossier, the care team, the timeline and the lifecycle",
        ["Triage"] = "Problem analysis, matched care, care choices and the triage figures",
        ["Young people"] = "Registering a young person, her details, a new trajectory and her access overview",
    };

    /// <summary>Declares the problem answer for a status, unless the endpoint already declares that status.</summary>
    public static void DeclareProblem(EndpointBuilder builder, int status)
    {
        if (builder.Metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == status))
        {
            return;
        }

        var type = status switch
        {
            StatusCodes.Status400BadRequest => typeof(HttpValidationProblemDetails),
            StatusCodes.Status409Conflict => typeof(ConflictProblemDetails),
            _ => typeof(ProblemDetails),
        };
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, type, [ProblemJson]));
    }

    /// <summary>
    /// The problem responses that follow from an endpoint's shape: 401 unless it is anonymous; 400, 413 and 415 when it
    /// reads a JSON body; 400 when it reads query parameters; 503 for all (the database out of reach). Refusals of a use case come with
    /// <see cref="ApiProblem"/>.
    /// </summary>
    public static TBuilder WithContract<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            if (!endpoint.Metadata.OfType<IAllowAnonymous>().Any())
            {
                DeclareProblem(endpoint, StatusCodes.Status401Unauthorized);
            }

            if (endpoint.Metadata.OfType<IAcceptsMetadata>().Any(a => a.RequestType is not null))
            {
                DeclareProblem(endpoint, StatusCodes.Status400BadRequest);
                DeclareProblem(endpoint, StatusCodes.Status413PayloadTooLarge);
                DeclareProblem(endpoint, StatusCodes.Status415UnsupportedMediaType);
            }

            if (ReadsQuery(endpoint))
            {
                DeclareProblem(endpoint, StatusCodes.Status400BadRequest);
            }

            // Every operation reads or writes the database (login and refresh too).
            DeclareProblem(endpoint, StatusCodes.Status503ServiceUnavailable);
        });
        return builder;
    }

    /// <summary>A handler parameter of a simple type that is not in the route is bound from the query string.</summary>
    private static bool ReadsQuery(EndpointBuilder endpoint)
    {
        if (endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault() is not { } method || endpoint is not RouteEndpointBuilder route)
        {
            return false;
        }

        var inRoute = route.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return method.GetParameters().Any(p => p.Name is { } name && !inRoute.Contains(name) && IsSimple(p.ParameterType));
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(Guid) || t == typeof(DateOnly) || t == typeof(DateTime)
            || t == typeof(DateTimeOffset) || t == typeof(TimeOnly) || t == typeof(decimal);
    }

    /// <summary>
    /// Declares a 200 answer that is text or a file of this media type, beside or instead of a JSON one (e.g. a CSV export).
    /// A file is described as binary.
    /// </summary>
    public static RouteHandlerBuilder ProducesContent(this RouteHandlerBuilder builder, string contentType, bool file = false) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Responses ??= [];
            if (!operation.Responses.TryGetValue("200", out var response))
            {
                response = operation.Responses["200"] = new OpenApiResponse { Description = "OK" };
            }

            var content = ((OpenApiResponse)response).Content ??= new Dictionary<string, OpenApiMediaType>();
            content[contentType] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = file ? "binary" : null },
            };
            return Task.CompletedTask;
        });

    /// <summary>The document-wide parts: the bearer scheme, its requirement per operation, and schemas as clients need them.</summary>
    public static void AddContract(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Traject API";
            document.Info.Description = "Young people, trajectories, care teams and timelines. Authenticate with POST /api/v1/auth/login and send "
                + "'Authorization: Bearer <accessToken>'. Errors are problem details (application/problem+json).";
            document.Info.License = new OpenApiLicense { Name = LicenceName, Identifier = LicenceIdentifier };

            // One relative server: the host that serves this document, whatever name it is reached by (a proxy, a test
            // server). The generator adds the request's own address in Development only, so the document would differ per
            // environment and per host.
            document.Servers = [new OpenApiServer { Url = "/", Description = "The host that serves this document" }];
            foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            {
                tag.Description ??= TagDescriptions.GetValueOrDefault(tag.Name ?? "");
            }

            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The accessToken of POST /api/v1/auth/login (20 minutes; renew with POST /api/v1/auth/refresh).",
            };
            foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
            {
                // Answers in the order of their status, each problem with what it means.
                var ordered = operation.Responses?.OrderBy(r => r.Key, StringComparer.Ordinal).ToList() ?? [];
                operation.Responses?.Clear();
                foreach (var (status, response) in ordered)
                {
                    if (response is OpenApiResponse r && int.TryParse(status, out var code) && ProblemMeanings.TryGetValue(code, out var meaning))
                    {
                        r.Description = meaning;
                    }

                    operation.Responses![status] = response;
                }
            }

            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            operation.Security ??= [];
            if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
            }

            // An anonymous operation says so with an empty list ("security": []), so no reader takes it as forgotten.

            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
            if (type.IsEnum)
            {
                // Written as names (JsonStringEnumConverter, no integers); a nullable use says so where it is used.
                schema.Type = JsonSchemaType.String;
                schema.Enum = Enum.GetNames(type).Select(n => (JsonNode)JsonValue.Create(n)).ToList();
            }
            else if (schema.Type is { } t && t.HasFlag(JsonSchemaType.String) && (t.HasFlag(JsonSchemaType.Integer) || t.HasFlag(JsonSchemaType.Number)))
            {
                // Numbers are written as numbers; that the reader also accepts them quoted is no part of the contract.
                schema.Type = t & ~JsonSchemaType.String;
                schema.Pattern = null;
            }

            return Task.CompletedTask;
        });
    }
}
