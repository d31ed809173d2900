using Microsoft.AspNetCore.Http.HttpResults;

namespace Traject.Web.Modules.Organisations;

/// <summary>Regions, organisations and professionals.</summary>
internal static class OrganisationsModule
{
    public static IServiceCollection AddOrganisations(this IServiceCollection services) => services.AddScoped<OrganisationRecords>();

    public static RouteGroupBuilder MapOrganisations(this RouteGroupBuilder api)
    {
        var regions = api.MapGroup("/regions").WithTags("Administration");
        regions.MapGet("/", async (OrganisationRecords admin, CancellationToken ct) => TypedResults.Ok(await admin.RegionsAsync(ct)))
            .WithName("ListRegions").WithSummary("The regions, by name");
        regions.MapPost("/", async (RegionRequest body, CurrentActor current, OrganisationRecords admin, CancellationToken ct) =>
            (await admin.SaveRegionAsync(await current.RequireAsync(ct), null, body, ct)).ToHttp(r => TypedResults.Created($"/api/v1/regions/{r.Id}", r)))
            .WithName("CreateRegion").WithSummary("Add a region (administrators)");
        regions.MapPut("/{id:guid}", async (Guid id, RegionRequest body, CurrentActor current, OrganisationRecords admin, CancellationToken ct) =>
            (await admin.SaveRegionAsync(await current.RequireAsync(ct), id, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("UpdateRegion").WithSummary("Rename a region or make it (in)active (administrators; send the version you read)");

        var orgs = api.MapGroup("/organisations").WithTags("Administration");
        orgs.MapGet("/", async (OrganisationRecords admin, CancellationToken ct) => TypedResults.Ok(await admin.OrganisationsAsync(ct)))
            .WithName("ListOrganisations").WithSummary("The care organisations with their kind and region, by name");
        orgs.MapPost("/", async (OrganisationRequest body, CurrentActor current, OrganisationRecords admin, CancellationToken ct) =>
            (await admin.SaveOrganisationAsync(await current.RequireAsync(ct), null, body, ct)).ToHttp(r => TypedResults.Created($"/api/v1/organisations/{r.Id}", r)))
            .WithName("CreateOrganisation").WithSummary("Add a care organisation (administrators)");
        orgs.MapPut("/{id:guid}", async (Guid id, OrganisationRequest body, CurrentActor current, OrganisationRecords admin, CancellationToken ct) =>
            (await admin.SaveOrganisationAsync(await current.RequireAsync(ct), id, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("UpdateOrganisation").WithSummary("Change a care organisation: name, kind, region, active (administrators; send the version you read)");

        var pros = api.MapGroup("/professionals").WithTags("Administration");
        pros.MapGet("/", async (CurrentActor current, OrganisationRecords admin, CancellationToken ct) =>
            (await admin.ProfessionalsAsync(await current.RequireAsync(ct), ct)).ToHttp(TypedResults.Ok))
            .WithName("ListProfessionals").WithSummary("Every professional with organisation, roles and whether the account is active (administrators)");
        pros.MapGet("/directory", async (OrganisationRecords admin, CancellationToken ct) => TypedResults.Ok(await admin.DirectoryAsync(ct)))
            .WithName("ListProfessionalDirectory").WithSummary("Active care professionals, to choose team members and coordinators from");
        pros.MapGet("/{id:guid}", async (Guid id, CurrentActor current, OrganisationRecords admin, CancellationToken ct) =>
            (await admin.ProfessionalAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithName("GetProfessional").WithSummary("One professional with organisation, roles and whether the account is active (administrators)");
        pros.MapPost("/", async (CreateProfessionalRequest body, CurrentActor current, OrganisationRecords admin, CancellationToken ct) =>
            (await admin.CreateProfessionalAsync(await current.RequireAsync(ct), body, ct)).ToHttp(r => TypedResults.Created($"/api/v1/professionals/{r.Id}", r)))
            .WithName("CreateProfessional").WithSummary("Create a professional's account with organisation, roles and a first password (administrators)");
        pros.MapPut("/{id:guid}", async (Guid id, UpdateProfessionalRequest body, CurrentActor current, OrganisationRecords admin, CancellationToken ct) =>
            (await admin.UpdateProfessionalAsync(await current.RequireAsync(ct), id, body, ct)).ToHttp(TypedResults.Ok))
            .WithName("UpdateProfessional").WithSummary("Change a professional's name, organisation, roles or active state (administrators; send the version you read)");
        pros.MapPost("/{id:guid}/reset-second-factor", async (Guid id, CurrentActor current, OrganisationRecords admin, CancellationToken ct) =>
            (await admin.ResetSecondFactorAsync(await current.RequireAsync(ct), id, ct)).ToHttp(TypedResults.Ok))
            .WithName("ResetSecondFactor").WithSummary("Turn off her second factor and end her sessions: she sets up her authenticator app at her next login");
        api.MapGet("/audit/verify", async Task<Results<Ok<AuditVerification>, ApiProblem>> (CurrentActor current, AuditLog audit, TrajectDb db,
            CancellationToken ct) =>
        {
            var actor = await current.RequireAsync(ct);
            if (!actor.IsAdministrator)
            {
                return Error.Forbidden("Only administrators can do this.").ToProblem();
            }

            var check = await Common.Auditing.AuditChain.VerifyAsync(db, ct);
            await audit.RecordAsync(actor, Common.Auditing.AuditActions.AuditVerified, outcome: check.Intact ? Common.Auditing.AuditOutcomes.Allowed : Common.Auditing.AuditOutcomes.Failed, ct: ct);
            return TypedResults.Ok(check);
        }).WithTags("Administration").WithName("VerifyAuditChain").WithSummary("Check the whole audit hash chain");
        return api;
    }
}
