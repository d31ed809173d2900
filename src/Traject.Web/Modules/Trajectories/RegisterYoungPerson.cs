using Microsoft.Extensions.Options;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Trajectories.Access;
using Traject.Web.Modules.YoungPeople;

namespace Traject.Web.Modules.Trajectories;

internal sealed record RegisterYoungPersonRequest(
    string? GivenName,
    string? FamilyName,
    DateOnly? DateOfBirth,
    Gender? Gender,
    Nationality? Nationality,
    string? NationalityCountry,
    string? Municipality,
    TrajectoryStatus? InitialStatus,
    Guid? CoordinatorId,
    CareTeamRole? MyRole);

internal sealed record RegisteredYoungPerson(Guid YoungPersonId, string Pseudonym, Guid TrajectoryId);

/// <summary>
/// Registers a young person and opens her first trajectory, led by the registering organisation. Her date of birth must
/// lie before today and give an age within the target group's ages (<see cref="YoungPeopleOptions"/>) today.
/// </summary>
internal sealed class RegisterYoungPerson(TrajectDb db, TimeProvider time, AuditLog audit, OpenTrajectory open, YoungPersonRegistry registry,
    IOptions<YoungPeopleOptions> options)
{
    /// <summary>Care professionals of a care organisation register young people.</summary>
    public static bool MayRegister(Actor actor) => actor.HasCareRole && Organisation.IsCareKind(actor.OrganisationKind);

    /// <summary>The ages of the target group on the registration date (for the form's hint too).</summary>
    public TargetAges TargetAges => options.Value.TargetAges;

    public async Task<Result<RegisteredYoungPerson>> HandleAsync(Actor actor, RegisterYoungPersonRequest request, CancellationToken ct)
    {
        if (!MayRegister(actor))
        {
            return Error.Forbidden("Only professionals of a care organisation can register young people.");
        }

        var v = new Validator();
        var today = time.Today();
        var details = PersonalDetails.Validate(new PersonalDetailsInput(request.GivenName, request.FamilyName,
            request.DateOfBirth, request.Gender, request.Nationality, request.NationalityCountry, request.Municipality), v, today, today, TargetAges);
        var plan = await open.ValidateAsync(actor, request.InitialStatus, request.CoordinatorId, request.MyRole, v, ct);
        if (!v.IsValid)
        {
            return v.ToError();
        }

        var person = registry.Register(await registry.NewPseudonymAsync(ct), details, actor.OrganisationId);
        audit.Add(actor, TrajectoriesAuditActions.YoungPersonCreated, nameof(YoungPerson), person.Id, person.PseudonymCode, AccessBasis.CareTeam);
        var trajectory = open.Open(actor, person, plan);
        await db.SaveChangesAsync(ct);
        return new RegisteredYoungPerson(person.Id, person.PseudonymCode, trajectory.Id);
    }
}
