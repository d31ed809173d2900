using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Safety;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Pages.Trajectories;

/// <summary>One missing episode: the list of whom to inform (mark each as informed) and, to close it, the return conversation.</summary>
internal sealed class MissingModel(MissingEpisodes episodes, TrajectoryQueries queries, TimeProvider time) : AppPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid EpisodeId { get; set; }

    public TrajectoryDetail Detail { get; private set; } = null!;
    public MissingEpisodeView Episode { get; private set; } = null!;

    [BindProperty]
    public CloseInput Input { get; set; } = new();

    internal sealed class CloseInput
    {
        public DateTime? FoundAt { get; set; }
        public string? FoundWhere { get; set; }
        public string? FoundBy { get; set; }
        public bool? AcuteMedicalNeed { get; set; }
        public string? ReturnWhere { get; set; }
        public string? ReturnWithWhom { get; set; }
        public string? ReturnWhatHappened { get; set; }
        public bool? NewNetworkEntries { get; set; }
        public string? UninformedArgument { get; set; }
        public long? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var failed = await LoadAsync();
        Input.FoundAt ??= time.GetUtcNow().ToLocal().DateTime;
        return failed ?? Page();
    }

    public async Task<IActionResult> OnPostInformedAsync(Guid noticeId, InformChannel? channel, string? note, long? version)
    {
        ModelState.Clear(); // the close form is not part of this post
        var result = await episodes.InformedAsync(await ActorAsync(), Id, EpisodeId, noticeId, new InformedRequest(channel, note, null, version),
            HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect(MissingEpisodes.Link(Id, EpisodeId) + "#inform");
        }

        var failed = Fail(result.Error!, Page, "Notice");
        return failed is NotFoundResult ? failed : await LoadAsync() ?? failed;
    }

    public async Task<IActionResult> OnPostCloseAsync()
    {
        if (!ModelState.IsValid)
        {
            ReplaceBindingErrors();
            return await LoadAsync() ?? Page();
        }

        var result = await episodes.CloseAsync(await ActorAsync(), Id, EpisodeId, new CloseMissingRequest(MissingTime.ToUtc(Input.FoundAt), Input.FoundWhere,
            Input.FoundBy, Input.AcuteMedicalNeed, Input.ReturnWhere, Input.ReturnWithWhom, Input.ReturnWhatHappened, Input.NewNetworkEntries, Input.Version,
            Input.UninformedArgument),
            HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect(MissingEpisodes.Link(Id, EpisodeId));
        }

        var failed = Fail(result.Error!, Page);
        return failed is NotFoundResult ? failed : await LoadAsync() ?? failed;
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await ActorAsync();
        var detail = await queries.GetAsync(actor, Id, HttpContext.RequestAborted);
        var episode = detail.IsSuccess ? await episodes.GetAsync(actor, Id, EpisodeId, HttpContext.RequestAborted) : default;
        if (!detail.IsSuccess || !episode.IsSuccess)
        {
            return NotFound();
        }

        Detail = detail.Value;
        Episode = episode.Value;
        Input.Version ??= Episode.Version;
        return null;
    }
}
