
namespace Traject.Web.Modules.Organisations;

/// <summary>Regions, organisations and professionals.</summary>
internal static class OrganisationsModule
{
    public static IServiceCollection AddOrganisations(this IServiceCollection services) => services.AddScoped<OrganisationRecords>();

    public static RouteGroupBuilder MapOrganisations(this RouteGroupBuilder api)
    {
        var regions = api.MapGroup("/regions").WithTags("Administration");
        regions.MapGet("/", async (OrganisationRecords admin, CancellationToken ct) => TypedResults.Ok(await admin.RegionsAsync(ct)));
        regions.MapPost("/", async (RegionRequest body, CurrentActor current, OrganisationRecords admin, CancellationToken ct) =>
            (await admin.SaveRegionAsync(await current.RequireAsync(ct), null, body, ct)).ToHttp(r => TypedResults.Created($"/api/v1/regions/{r.Id}", r)));
        regions.MapPut("/{id:guid}", async (Guid id, RegionRequest body, CurrentActor current, OrganisationRecords admin, CancellationToken ct) =>
            (await admin.SaveRegionAsync(await current.RequireAsync(ct), id, body, ct)).ToHttp(TypedResults.Ok));

        var orgs = api.MapGroup("/organisations").WithTags("Administration");
        orgs.MapGet("/", async (OrganisationRecords admin, CancellationToken ct) => TypedResults.Ok(await admin.OrganisationsAsync(ct)));
        orgs.MapPost("/", async (OrganisationRequest body, CurrentActor current, OrganisationRecords admin, CancellationToken ct) =>
            (await admin.SaveOrganisationAsync(await current.RequireAsync(ct), null, body, ct)).ToHttp(r => TypedResults.Created($"/api/v1/organisations/{r.Id}", r)));
        orgs.MapPut("/{id:guid}", async (Guid id, OrganisationRequest body, CurrentActor current, OrganisationRecords admin, CancellationToken ct) =>
            (await admin.SaveOrganisationAsync(await current.RequireAsync(ct), id, body, ct)).ToHttp(TypedResults.Ok));

        var pros = api.MapGroup("/professionals").WithTags("Administration");
        pros.MapGet("/", async (CurrentActor current, OrganisationRecords admin, CancellationToken ct) =>
            (await admin.ProfessionalsAsync(await current.RequireAsync(ct), ct)).ToHttp(TypedResults.Ok));
        pros.MapGet("/directory", async (OrganisationRecords admin, CancellationToken ct) => TypedResults.Ok(await admin.DirectoryAsync(ct)))
            .WithSummary("Active care professionals, to choose team members and coordinators from");
        pros.MapGet("/{id:guid}", async (Guid id, CurrentActor current, OrganisationRecords admin, CancellationToken ct) =>
            (await admin.ProfessionalAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok));
        pros.MapPost("/", async (CreateProfessionalRequest body, CurrentActor current, OrganisationRecords admin, CancellationToken ct) =>
            (await admin.CreateProfessionalAsync(await current.RequireAsync(ct), body, ct)).ToHttp(r => TypedResults.Created($"/api/v1/professionals/{r.Id}", r)));
        pros.MapPut("/{id:guid}", async (Guid id, UpdateProfessionalRequest body, CurrentActor current, OrganisationRecords admin, CancellationToken ct) =>
            (await admin.UpdateProfessionalAsync(await current.RequireAsync(ct), id, body, ct)).ToHttp(TypedResults.Ok));
        pros.MapPost("/{id:guid}/reset-second-factor", async (Guid id, CurrentActor current, OrganisationRecords admin, CancellationToken ct) =>
            (await admin.ResetSecondFactorAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Turn off her second factor and end her sessions: she sets up her authenticator app at her next login");
        api.MapGet("/audit/verify", async (CurrentActor current, Common.Auditing.AuditLog audit, Data.TrajectDb db, CancellationToken ct) =>
        {
            var actor = await current.RequireAsync(ct);
            if (!actor.IsAdministrator)
            {
                return Error.Forbidden("Only administrators can do this.").ToProblem();
            }

            var check = await Common.Auditing.AuditChain.VerifyAsync(db, ct);
            await audit.RecordAsync(actor, Common.Auditing.AuditActions.AuditVerified, outcome: check.Intact ? Common.Auditing.AuditOutcomes.Allowed : Common.Auditing.AuditOutcomes.Failed, ct: ct);
            return TypedResults.Ok(check);
        }).WithTags("Administration").WithSummary("Check the whole audit hash chain");
        return api;
    }
}
