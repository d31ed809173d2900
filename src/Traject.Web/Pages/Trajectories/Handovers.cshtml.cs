using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Handovers;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Pages.Trajectories;

/// <summary>The hand-overs of a trajectory: proposal, checklist, joint meeting, acceptance or refusal, withdrawal.</summary>
internal sealed class HandoversModel(WarmHandovers handovers, TrajectoryQueries queries, OrganisationRecords directory,
    Modules.Placements.PlacementRecords placements) : AppPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public TrajectoryDetail Detail { get; private set; } = null!;
    public IReadOnlyList<HandoverView> Items { get; private set; } = [];
    public IReadOnlyList<DirectoryEntry> Professionals { get; private set; } = [];
    public IReadOnlyList<Modules.Placements.PlacementView> Placements { get; private set; } = [];

    public bool MayPropose => Detail.CanManage && Detail.ClosedAt is null && !Items.Any(h => h.Status == HandoverStatus.Proposed);

    [BindProperty]
    public ProposalInput Proposal { get; set; } = new();

    internal sealed class ProposalInput
    {
        public Guid? ToProfessionalId { get; set; }
        public Guid? FromPlacementId { get; set; }
        public HandoverDestination? Destination { get; set; }
        public Dictionary<HandoverItem, string?> Notes { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostProposeAsync()
    {
        var notes = Proposal.Notes.Where(n => Enum.IsDefined(n.Key) && !string.IsNullOrWhiteSpace(n.Value))
            .Select(n => (HandoverNoteRequest?)new HandoverNoteRequest(n.Key, n.Value)).ToList();
        var result = await handovers.ProposeAsync(await ActorAsync(), Id,
            new ProposeHandoverRequest(Proposal.ToProfessionalId, Proposal.Destination, null, notes, Proposal.FromPlacementId), HttpContext.RequestAborted);
        return await AfterAsync(result, "Proposal");
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid handoverId, HandoverItem? item, long? version) => await AfterAsync(
        await handovers.ConfirmAsync(await ActorAsync(), Id, handoverId, new ConfirmHandoverItemRequest(item, version), HttpContext.RequestAborted), "Handover");

    public async Task<IActionResult> OnPostMeetingAsync(Guid handoverId, DateOnly? heldOn, string? participants, long? version) => await AfterAsync(
        await handovers.RecordMeetingAsync(await ActorAsync(), Id, handoverId, new HandoverMeetingRequest(heldOn, participants, version), HttpContext.RequestAborted), "Meeting");

    public async Task<IActionResult> OnPostAcceptAsync(Guid handoverId, long? version) => await AfterAsync(
        await handovers.AcceptAsync(await ActorAsync(), Id, handoverId, new AcceptHandoverRequest(version), HttpContext.RequestAborted), "Handover");

    public async Task<IActionResult> OnPostRefuseAsync(Guid handoverId, string? reason, long? version) => await AfterAsync(
        await handovers.RefuseAsync(await ActorAsync(), Id, handoverId, new RefuseHandoverRequest(reason, version), HttpContext.RequestAborted), "Refusal");

    public async Task<IActionResult> OnPostWithdrawAsync(Guid handoverId, long? version) => await AfterAsync(
        await handovers.WithdrawAsync(await ActorAsync(), Id, handoverId, new WithdrawHandoverRequest(version), HttpContext.RequestAborted), "Handover");

    private async Task<IActionResult> AfterAsync(Result<Changed> result, string prefix)
    {
        if (result.IsSuccess)
        {
            return Redirect($"/trajectories/{Id}/handovers");
        }

        ModelState.Clear();
        var failed = Fail(result.Error!, Page, prefix);
        return failed is NotFoundResult ? failed : await LoadAsync() ?? failed;
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await ActorAsync();
        var detail = await queries.GetAsync(actor, Id, HttpContext.RequestAborted);
        var list = detail.IsSuccess ? await handovers.ListAsync(actor, Id, HttpContext.RequestAborted) : default;
        if (!detail.IsSuccess || !list.IsSuccess)
        {
            return NotFound();
        }

        Detail = detail.Value;
        Items = list.Value;
        if (MayPropose)
        {
            Professionals = (await directory.DirectoryAsync(HttpContext.RequestAborted)).Where(p => p.Id != actor.Id).ToList();
            var left = await placements.ListAsync(actor, Id, HttpContext.RequestAborted);
            Placements = left.IsSuccess ? left.Value : [];
        }

        return null;
    }
}
