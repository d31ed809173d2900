using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Pages.Trajectories;

/// <summary>
/// Care team and status: the team with the forms to add and end members, the coordinator and status forms, the argued
/// early close (propose, co-sign, withdraw) and the coordinators so far. Only this page reads the pick-lists of
/// professionals and organisations, and only for those who steer.
/// </summary>
internal sealed class TeamModel(TrajectoryQueries queries, TrajectoryRecords commands, OrganisationRecords directory) : DossierSectionModel
{
    public TrajectoryDetail Detail { get; private set; } = null!;
    public Guid MyId { get; private set; }
    public IReadOnlyList<DirectoryEntry> Professionals { get; private set; } = [];
    public IReadOnlyList<OrganisationResponse> CareOrganisations { get; private set; } = [];

    [BindProperty]
    public MemberInput Member { get; set; } = new();

    [BindProperty]
    public StatusInput StatusChange { get; set; } = new();

    [BindProperty]
    public EarlyCloseInput EarlyClose { get; set; } = new();

    [BindProperty]
    public CoordinatorInput Coordinator { get; set; } = new();

    internal sealed class MemberInput
    {
        public string? Who { get; set; }
        public CareTeamRole? Role { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
    }

    internal sealed class EarlyCloseInput
    {
        public string? Reason { get; set; }
        public long? Version { get; set; }
    }

    internal sealed class StatusInput
    {
        public TrajectoryStatus? Status { get; set; }
        public string? Reason { get; set; }
        public long? Version { get; set; }
    }

    internal sealed class CoordinatorInput
    {
        public Guid? ProfessionalId { get; set; }
        public long? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostStatusAsync() =>
        await DoneAsync(await commands.ChangeStatusAsync(await ActorAsync(), Id,
            new ChangeStatusRequest(StatusChange.Status, StatusChange.Reason, StatusChange.Version), HttpContext.RequestAborted), "StatusChange");

    public async Task<IActionResult> OnPostProposeEarlyCloseAsync() =>
        await DoneAsync(await commands.ProposeEarlyCloseAsync(await ActorAsync(), Id,
            new EarlyCloseRequest(EarlyClose.Reason, EarlyClose.Version), HttpContext.RequestAborted), "EarlyClose");

    public async Task<IActionResult> OnPostCoSignEarlyCloseAsync(long? version) =>
        await DoneAsync(await commands.CoSignEarlyCloseAsync(await ActorAsync(), Id, new VersionRequest(version), HttpContext.RequestAborted), "EarlyClose");

    public async Task<IActionResult> OnPostWithdrawEarlyCloseAsync(long? version) =>
        await DoneAsync(await commands.WithdrawEarlyCloseAsync(await ActorAsync(), Id, new VersionRequest(version), HttpContext.RequestAborted), "EarlyClose");

    public async Task<IActionResult> OnPostCoordinatorAsync() =>
        await DoneAsync(await commands.ChangeCoordinatorAsync(await ActorAsync(), Id,
            new ChangeCoordinatorRequest(Coordinator.ProfessionalId, Coordinator.Version), HttpContext.RequestAborted), "Coordinator");

    public async Task<IActionResult> OnPostAddMemberAsync()
    {
        Guid? professional = null, organisation = null;
        if (Member.Who is { Length: > 2 } who && Guid.TryParse(who[2..], out var whoId))
        {
            if (who.StartsWith("p:", StringComparison.Ordinal))
            {
                professional = whoId;
            }
            else if (who.StartsWith("o:", StringComparison.Ordinal))
            {
                organisation = whoId;
            }
        }

        return await DoneAsync(await commands.AddMemberAsync(await ActorAsync(), Id,
            new AddCareTeamMemberRequest(professional, organisation, Member.Role, Member.From, Member.To), HttpContext.RequestAborted), "Member");
    }

    public async Task<IActionResult> OnPostEndMemberAsync(Guid membershipId, long? version) =>
        await DoneAsync(await commands.EndMemberAsync(await ActorAsync(), Id, membershipId,
            new EndCareTeamMembershipRequest(null, version), HttpContext.RequestAborted), "Member");

    private Task<IActionResult> DoneAsync<T>(Result<T> result, string prefix) => AfterAsync(result, prefix, DossierNav.Team, LoadAsync);

    private Task<IActionResult?> LoadAsync() => ViewAsync(async actor =>
    {
        var detail = await queries.GetAsync(actor, Id, HttpContext.RequestAborted);
        if (!detail.IsSuccess)
        {
            return NotFound();
        }

        Detail = detail.Value;
        MyId = actor.Id;
        Nav = DossierNav.For(Detail, DossierNav.Team);
        if (Detail.CanManage && Detail.Status != TrajectoryStatus.Closed)
        {
            Professionals = await directory.DirectoryAsync(HttpContext.RequestAborted);
            CareOrganisations = (await directory.OrganisationsAsync(HttpContext.RequestAborted))
                .Where(o => o.IsActive && Organisation.IsCareKind(o.Kind)).ToList();
        }

        return null;
    });
}
