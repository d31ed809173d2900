using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Journal;
using Traject.Web.Modules.Trajectories;

namespace Traject.Web.Pages.Trajectories;

/// <summary>The contact journal: dated contact notes, newest first and paged, the form for a new note and the author's correction.</summary>
internal sealed class ContactsModel(TrajectoryQueries queries, ContactNotes notes) : DossierSectionModel
{
    public const int PageSize = 20;

    /// <summary>The page asked for (from 1); "page" is only read from the query, the route's own "page" is the page's name.</summary>
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public ContactNotePage Notes { get; private set; } = null!;

    public int Pages => Math.Max(1, (Notes.Total + PageSize - 1) / PageSize);

    [BindProperty]
    public ContactInput Contact { get; set; } = new();

    internal sealed class ContactInput
    {
        public Guid? ContactId { get; set; }
        public DateOnly? ContactOn { get; set; }
        public ContactKind? Kind { get; set; }
        public string? WithWhom { get; set; }
        public string? Discussed { get; set; }
        public string? Agreed { get; set; }
        public DateOnly? FollowUpOn { get; set; }
        public long? Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostRecordAsync()
    {
        ReplaceBindingErrors();
        var request = new RecordContactRequest(Contact.ContactOn, Contact.Kind, Contact.WithWhom, Contact.Discussed, Contact.Agreed, Contact.FollowUpOn);
        return await AfterAsync(await notes.RecordAsync(await ActorAsync(), Id, request, HttpContext.RequestAborted), "Contact", DossierNav.Contacts, LoadAsync);
    }

    public async Task<IActionResult> OnPostCorrectAsync()
    {
        ReplaceBindingErrors();
        var request = new CorrectContactRequest(Contact.ContactOn, Contact.Kind, Contact.WithWhom, Contact.Discussed, Contact.Agreed, Contact.Version);
        return await AfterAsync(await notes.CorrectAsync(await ActorAsync(), Id, Contact.ContactId ?? Guid.Empty, request, HttpContext.RequestAborted),
            "Contact", DossierNav.Contacts, LoadAsync);
    }

    private Task<IActionResult?> LoadAsync() => ViewAsync(async actor =>
    {
        var detail = await queries.GetAsync(actor, Id, HttpContext.RequestAborted);
        var list = detail.IsSuccess ? await notes.ListAsync(actor, Id, Math.Max(1, PageNumber ?? 1), PageSize, HttpContext.RequestAborted) : default;
        if (!detail.IsSuccess || !list.IsSuccess)
        {
            return NotFound();
        }

        Notes = list.Value;
        Nav = DossierNav.For(detail.Value, DossierNav.Contacts);
        return null;
    });

    /// <summary>The address of another page of the journal.</summary>
    public string PageHref(int page) => $"/trajectories/{Id}/contacts?page={page}";
}
