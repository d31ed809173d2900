using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Network;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Pages.Trajectories;

/// <summary>
/// The network analysis of one trajectory, for her care team: the diagram, the entries with their source and date,
/// the links, and forms to add, change and remove them.
/// </summary>
internal sealed class NetworkModel(NetworkAnalysis network) : AppPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>The entry being changed (<c>?edit=</c>), whose values fill the form.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Edit { get; set; }

    public NetworkView View { get; private set; } = null!;
    public string Diagram { get; private set; } = string.Empty;

    [BindProperty]
    public EntryInput Input { get; set; } = new();

    [BindProperty]
    public LinkInput NewLink { get; set; } = new();

    internal sealed class EntryInput
    {
        public NetworkEntryKind? Kind { get; set; }
        public string? Name { get; set; }
        public NetworkRole? Role { get; set; }
        public NetworkInfluence? Influence { get; set; }
        public string? HowKnown { get; set; }
        public PlaceKind? PlaceKind { get; set; }
        public string? Address { get; set; }
        public Platform? Platform { get; set; }
        public string? PlatformName { get; set; }
        public string? Handle { get; set; }
        public string? Number { get; set; }
        public NetworkSource? Source { get; set; }
        public DateOnly? KnownOn { get; set; }
        public string? Note { get; set; }
        public Guid? EntryId { get; set; }
        public long? Version { get; set; }

        public NetworkEntryRequest ToRequest() => new(Kind, Name, Role, Influence, HowKnown, PlaceKind, Address, Platform, PlatformName, Handle,
            Number, Source, KnownOn, Note, Version);
    }

    internal sealed class LinkInput
    {
        public Guid? FromId { get; set; }
        public Guid? ToId { get; set; }
        public string? Nature { get; set; }
        public NetworkSource? Source { get; set; }
        public DateOnly? KnownOn { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } failed)
        {
            return failed;
        }

        if (Edit is { } id && View.Entries.FirstOrDefault(e => e.Id == id) is { } e)
        {
            Input = new EntryInput
            {
                Kind = e.Kind, Name = e.Kind is NetworkEntryKind.Person or NetworkEntryKind.Place ? e.Name : null, Role = e.Role, Influence = e.Influence,
                HowKnown = e.HowKnown, PlaceKind = e.PlaceKind, Address = e.Address, Platform = e.Platform, PlatformName = e.PlatformName, Handle = e.Handle,
                Number = e.Number, Source = e.Source, KnownOn = e.KnownOn, Note = e.Note, EntryId = e.Id, Version = e.Version,
            };
        }
        else
        {
            Edit = null;
        }

        return Page();
    }

    public Task<IActionResult> OnPostAddEntryAsync() => RunAsync("Input", async actor =>
        await network.AddEntryAsync(actor, Id, Input.ToRequest(), HttpContext.RequestAborted));

    public Task<IActionResult> OnPostUpdateEntryAsync() => RunAsync("Input", async actor =>
        await network.UpdateEntryAsync(actor, Id, Input.EntryId ?? Guid.Empty, Input.ToRequest(), HttpContext.RequestAborted));

    public Task<IActionResult> OnPostRemoveEntryAsync(Guid? entryId, long? version) => RunAsync("Input", async actor =>
        await network.RemoveEntryAsync(actor, Id, entryId ?? Guid.Empty, new NetworkRemoveRequest(version), HttpContext.RequestAborted));

    public Task<IActionResult> OnPostAddLinkAsync() => RunAsync("NewLink", async actor =>
        await network.AddLinkAsync(actor, Id, new NetworkLinkRequest(NewLink.FromId, NewLink.ToId, NewLink.Nature, NewLink.Source, NewLink.KnownOn),
            HttpContext.RequestAborted));

    public Task<IActionResult> OnPostRemoveLinkAsync(Guid? linkId, long? version) => RunAsync("NewLink", async actor =>
        await network.RemoveLinkAsync(actor, Id, linkId ?? Guid.Empty, new NetworkRemoveRequest(version), HttpContext.RequestAborted));

    /// <summary>Runs a change; on success back to the page, otherwise the page with the messages (404 and 403 as they are).</summary>
    private async Task<IActionResult> RunAsync(string prefix, Func<Common.Access.Actor, Task<Result<Changed>>> change)
    {
        if (!ModelState.IsValid)
        {
            ReplaceBindingErrors();
            return await LoadAsync() ?? Page();
        }

        var result = await change(await ActorAsync());
        if (result.IsSuccess)
        {
            return Redirect($"/trajectories/{Id}/network");
        }

        if (result.Error!.Kind == ErrorKind.Forbidden)
        {
            return NotAllowed();
        }

        ModelState.Clear();
        var failed = Fail(result.Error, Page, prefix);
        if (failed is NotFoundResult)
        {
            return failed;
        }

        Edit = Input.EntryId;
        return await LoadAsync() ?? failed;
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var result = await network.GetAsync(await ActorAsync(), Id, HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            return result.Error!.Kind == ErrorKind.Forbidden ? NotAllowed() : NotFound();
        }

        View = result.Value;
        Diagram = NetworkModule.Diagram(View, L);
        return null;
    }

    public string Label(Guid entryId) => View.Entries.FirstOrDefault(e => e.Id == entryId)?.Name ?? "?";
}
