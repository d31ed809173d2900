using Traject.Web.Modules.Screening;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Modules.Registration;

/// <summary>Registration ("registration unless"): decisions, consent, national notifications and their export, internal registration.</summary>
internal static class RegistrationModule
{
    public static IServiceCollection AddRegistration(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<RegistrationOptions>().Bind(config.GetSection(RegistrationOptions.Section))
            .PostConfigure<IHostEnvironment>((o, env) =>
            {
                if (env.IsDevelopment() && string.IsNullOrEmpty(o.DeduplicationSecret))
                {
                    o.DeduplicationSecret = RegistrationOptions.DevelopmentSecret;
                }
            })
            .ValidateDataAnnotations()
            .Validate<IHostEnvironment>((o, env) => o.DeduplicationSecret is { Length: >= RegistrationOptions.SecretMinLength } secret
                    && (env.IsDevelopment() || secret != RegistrationOptions.DevelopmentSecret),
                "Registration:DeduplicationSecret must be configured (at least 32 characters; the development secret only in Development).")
            .ValidateOnStart();
        return services.AddScoped<Registrations>().AddScoped<ConsentPolicies>().AddScoped<NationalNotifications>()
            .AddScoped<NotificationExports>().AddScoped<RegistrationOverview>()
            .AddHandler<LeadOrganisationChanged, DecisionTravelsWithLead>()
            .AddHandler<SuspicionConfirmed, DecisionDueOnSuspicion>();
    }

    public static RouteGroupBuilder MapRegistration(this RouteGroupBuilder api)
    {
        var dossier = api.MapGroup("/trajectories/{id:guid}/registration").WithTags("Registration");
        dossier.MapGet("/", async (Guid id, CurrentActor current, Registrations handler, CancellationToken ct) =>
            (await handler.GetAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithName("GetRegistration").WithSummary("The registration decision of a trajectory: current decision, history, consents and when a decision is due");
        dossier.MapPost("/decisions", async (Guid id, RecordDecisionRequest body, CurrentActor current, Registrations handler, CancellationToken ct) =>
            (await handler.DecideAsync(await current.RequireAsync(ct), id, body, ct))
                .ToHttp(r => TypedResults.Created($"/api/v1/trajectories/{id}/registration", r)))
            .WithName("RecordRegistrationDecision")
            .WithSummary("Record a registration decision; it supersedes the current one (name it in 'supersedes'). A notifying decision creates the national notification");
        dossier.MapPost("/consents", async (Guid id, RecordConsentRequest body, CurrentActor current, Registrations handler, CancellationToken ct) =>
            (await handler.RecordConsentAsync(await current.RequireAsync(ct), id, body, ct))
                .ToHttp(r => TypedResults.Created($"/api/v1/trajectories/{id}/registration", r)))
            .WithName("RecordRegistrationConsent").WithSummary("Record consent to notify by name: date, who consented, form; checked against the consent policy at her age on that date");
        dossier.MapPost("/consents/{consentId:guid}/withdraw", async (Guid id, Guid consentId, WithdrawConsentRequest body, CurrentActor current,
                Registrations handler, CancellationToken ct) =>
            (await handler.WithdrawConsentAsync(await current.RequireAsync(ct), id, consentId, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("WithdrawRegistrationConsent").WithSummary("Withdraw consent: no further notifications by name; those not yet exported are cancelled");

        var registration = api.MapGroup("/registration").WithTags("Registration");
        registration.MapGet("/consent-policy", async (ConsentPolicies policies, CancellationToken ct) => TypedResults.Ok(await policies.GetAsync(ct)))
            .WithName("GetConsentPolicy").WithSummary("The consent policy table: from which age whose consent a notification by name needs");
        registration.MapPut("/consent-policy", async (ChangeConsentPolicyRequest body, CurrentActor current, ConsentPolicies policies, CancellationToken ct) =>
            (await policies.ChangeAsync(await current.RequireAsync(ct), body, ct)).ToHttp(TypedResults.Ok))
            .WithName("ChangeConsentPolicy").WithSummary("Replace the consent policy table (administrators); version 0 while the default applies");
        registration.MapGet("/overview", async (string? from, string? to, CurrentActor current, RegistrationOverview overview, CancellationToken ct) =>
            (await overview.GetAsync(await current.RequireAsync(ct), from, to, ct)).ToHttp(TypedResults.Ok))
            .WithName("GetRegistrationOverview")
            .WithSummary("Internal registration of your organisation per month (from/to as yyyy-mm): potential, suspected and confirmed victims with breakdowns, and overdue decisions");
        registration.MapGet("/exports", async (CurrentActor current, NotificationExports exports, CancellationToken ct) =>
            (await exports.ListAsync(await current.RequireAsync(ct), ct)).ToHttp(TypedResults.Ok))
            .WithName("ListNotificationExports").WithSummary("Your organisation's export batches of national notifications");
        registration.MapPost("/exports", async (CreateExportRequest body, CurrentActor current, NotificationExports exports, CancellationToken ct) =>
            (await exports.CreateAsync(await current.RequireAsync(ct), body, ct))
                .ToHttp(r => TypedResults.Created($"/api/v1/registration/exports/{r.Id}?format=json", r)))
            .WithName("CreateNotificationExport").WithSummary("Export the notifications of a period not exported before, as a new batch (designated experts)");
        registration.MapGet("/exports/{batchId:guid}", async (Guid batchId, string? format, CurrentActor current, NotificationExports exports, CancellationToken ct) =>
            (await exports.FileAsync(await current.RequireAsync(ct), batchId, format, ct))
                .ToHttp(f => TypedResults.File(f.Content, f.ContentType, f.FileName)))
            .WithName("GetNotificationExportFile").WithSummary("One export batch as a file (format=json or csv); the same bytes every time")
            .ProducesContent("application/json", file: true).ProducesContent("text/csv", file: true);
        return api;
    }
}
