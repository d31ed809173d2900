using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Pages.Trajectories;

/// <summary>
/// The section navigation every dossier page shows (<c>_DossierNav</c>): the summary and the sections on pages of their
/// own, the current one marked. Sections the reader cannot open on her basis are left out.
/// </summary>
internal sealed record DossierNav(Guid Id, string Current, string Name, string Pseudonym, bool CanManage, bool Emergency)
{
    public const string Summary = "";
    public const string Tasks = "tasks";
    public const string Timeline = "timeline";
    public const string Contacts = "contacts";
    public const string Attachments = "attachments";
    public const string Team = "team";
    public const string Safety = "safety";
    public const string Screenings = "screenings";
    public const string Analyses = "analyses";
    public const string Placements = "placements";
    public const string Overview = "overview";
    public const string FuturePlan = "future-plan";
    public const string Network = "network";
    public const string Registration = "registration";
    public const string ReportingCode = "reporting-code";
    public const string Handovers = "handovers";
    public const string Aftercare = "aftercare";
    public const string PooledSignals = "pooled-signals";

    public static DossierNav For(TrajectoryDetail d, string current) =>
        new(d.Id, current, d.GivenName + " " + d.FamilyName, d.Pseudonym, d.CanManage, d.AccessBasis == AccessBasis.Emergency);

    /// <summary>The sections in the order shown: the path below the dossier and the label (a text key).</summary>
    public IEnumerable<(string Section, string Label)> Sections
    {
        get
        {
            yield return (Summary, "Summary");
            yield return (Tasks, "Tasks");
            yield return (Timeline, "Timeline");
            yield return (Contacts, "Contact journal");
            yield return (Attachments, "Attachments");
            yield return (Team, "Care team and status");
            yield return (Safety, "Safety");
            yield return (Screenings, "Screenings");
            yield return (Analyses, "Analyses");
            yield return (Placements, "Placements");
            yield return (Overview, "Overview and turning 18");
            yield return (FuturePlan, "Future plan");
            if (!Emergency)
            {
                yield return (Network, "Network analysis");
            }

            yield return (Registration, "Registration");
            yield return (ReportingCode, "Reporting code");
            yield return (Handovers, "Hand-overs");
            yield return (Aftercare, "Aftercare");
            if (CanManage)
            {
                yield return (PooledSignals, "Pooled signals");
            }
        }
    }

    public string Href(string section) => section.Length == 0 ? $"/trajectories/{Id}" : $"/trajectories/{Id}/{section}";
}

/// <summary>
/// A page of one dossier section: what it shows is read as one page view (ADR 0022), one "dossier viewed" entry naming
/// the parts, through the same door as every other dossier read.
/// </summary>
internal abstract class DossierSectionModel : AppPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>The navigation (and the name of whose dossier this is), set once the page has read the dossier.</summary>
    public DossierNav Nav { get; protected set; } = null!;

    /// <summary>Reads the page's parts as one view; null when it may be shown, otherwise the answer (404).</summary>
    protected async Task<IActionResult?> ViewAsync(Func<Actor, Task<IActionResult?>> load)
    {
        var actor = await ActorAsync();
        var views = HttpContext.RequestServices.GetRequiredService<DossierViews>();
        views.Begin(Id);
        try
        {
            return await load(actor);
        }
        finally
        {
            await views.CompleteAsync(actor, TrajectoriesAuditActions.DossierViewed, HttpContext.RequestAborted);
        }
    }

    /// <summary>After a form: back to this section on success (post/redirect/get), otherwise the page with the error.</summary>
    protected async Task<IActionResult> AfterAsync<T>(Result<T> result, string prefix, string section, Func<Task<IActionResult?>> load)
    {
        if (result.IsSuccess)
        {
            return Redirect(section.Length == 0 ? $"/trajectories/{Id}" : $"/trajectories/{Id}/{section}");
        }

        ModelState.Clear();
        var failed = Fail(result.Error!, Page, prefix);
        return failed is NotFoundResult ? failed : await load() ?? failed;
    }
}
