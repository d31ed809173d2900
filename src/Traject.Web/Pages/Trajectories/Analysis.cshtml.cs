using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Triage;

namespace Traject.Web.Pages.Trajectories;

/// <summary>One analysis: read it, change it while it is a draft, and sign it.</summary>
internal sealed class AnalysisModel(ProblemAnalyses analyses, TrajectoryQueries queries, OrganisationRecords directory) : AppPageModel
{
    /// <summary>Empty rows offered below the people already in the analysis.</summary>
    public const int BlankNetworkRows = 2;

    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid AnalysisId { get; set; }

    public TrajectoryDetail Detail { get; private set; } = null!;
    public AnalysisView View { get; private set; } = null!;
    public IReadOnlyList<RegionResponse> Regions { get; private set; } = [];

    [BindProperty]
    public AnalysisInput Input { get; set; } = new();

    [BindProperty]
    public long? SignVersion { get; set; }

    internal sealed class AnalysisInput
    {
        public string? ExploitationCircumstances { get; set; }
        public string? ExploitationNature { get; set; }
        public List<ExploitationForm> ExploitationForms { get; set; } = [];
        public int? ExploitationMonths { get; set; }
        public bool OnlineComponent { get; set; }
        public string? OnlineDetails { get; set; }
        public Guid? ExploiterRegionId { get; set; }
        public List<UpperProblem> UpperProblems { get; set; } = [];
        public string? UpperNotes { get; set; }
        public List<UnderlyingProblem> UnderlyingProblems { get; set; } = [];
        public List<AdverseExperience> AdverseExperiences { get; set; } = [];
        public string? UnderlyingNotes { get; set; }
        public List<AnalysisRisk> Risks { get; set; } = [];
        public string? RiskNotes { get; set; }
        public string? Needs { get; set; }
        public string? Strengths { get; set; }
        public string? NetworkStrengths { get; set; }
        public EducationSituation? Education { get; set; }
        public string? EducationNotes { get; set; }
        public List<NetworkInput> Network { get; set; } = [];
        public string? NetworkNotes { get; set; }
        public string? MixedGroupReason { get; set; }
        public long? Version { get; set; }
    }

    internal sealed class NetworkInput
    {
        public NetworkRelation? Relation { get; set; }
        public string? Name { get; set; }
        public string? Notes { get; set; }
        public bool MayBeInvolved { get; set; }

        public bool IsEmpty => Relation is null && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Notes) && !MayBeInvolved;
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var failed = await LoadAsync();
        if (failed is not null)
        {
            return failed;
        }

        var c = View.Content;
        Input = new AnalysisInput
        {
            ExploitationCircumstances = c.ExploitationCircumstances, ExploitationNature = c.ExploitationNature,
            ExploitationForms = [.. c.ExploitationForms], ExploitationMonths = c.ExploitationMonths, OnlineComponent = c.OnlineComponent,
            OnlineDetails = c.OnlineDetails, ExploiterRegionId = c.ExploiterRegionId, UpperProblems = [.. c.UpperProblems], UpperNotes = c.UpperNotes,
            UnderlyingProblems = [.. c.UnderlyingProblems], AdverseExperiences = [.. c.AdverseExperiences], UnderlyingNotes = c.UnderlyingNotes,
            Risks = [.. c.Risks], RiskNotes = c.RiskNotes, Needs = c.Needs, Strengths = c.Strengths, NetworkStrengths = c.NetworkStrengths,
            Education = c.Education, EducationNotes = c.EducationNotes, NetworkNotes = c.NetworkNotes, MixedGroupReason = c.MixedGroupReason,
            Network = c.Network.Select(p => new NetworkInput { Relation = p.Relation, Name = p.Name, Notes = p.Notes, MayBeInvolved = p.MayBeInvolved }).ToList(),
            Version = View.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            ReplaceBindingErrors();
            return await LoadAsync() ?? Page();
        }

        var i = Input;
        var request = new SaveAnalysisRequest(i.ExploitationCircumstances, i.ExploitationNature, i.ExploitationForms, i.ExploitationMonths,
            i.OnlineComponent, i.OnlineDetails, i.ExploiterRegionId, i.UpperProblems, i.UpperNotes, i.UnderlyingProblems, i.AdverseExperiences,
            i.UnderlyingNotes, i.Risks, i.RiskNotes, i.Needs, i.Strengths, i.NetworkStrengths, i.Education, i.EducationNotes,
            i.Network.Where(p => !p.IsEmpty).Select(p => (NetworkPersonRequest?)new NetworkPersonRequest(p.Relation, p.Name, p.Notes, p.MayBeInvolved)).ToList(),
            i.NetworkNotes, i.MixedGroupReason, i.Version);
        var result = await analyses.SaveAsync(await ActorAsync(), Id, AnalysisId, request, HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect($"/trajectories/{Id}/analyses/{AnalysisId}#signatures");
        }

        ModelState.Clear();
        var failed = Fail(result.Error!, Page);
        return failed is NotFoundResult ? failed : await LoadAsync() ?? failed;
    }

    public async Task<IActionResult> OnPostSignAsync()
    {
        var result = await analyses.SignAsync(await ActorAsync(), Id, AnalysisId, new SignAnalysisRequest(SignVersion), HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect($"/trajectories/{Id}/analyses/{AnalysisId}#signatures");
        }

        ModelState.Clear();
        var failed = Fail(result.Error!, Page);
        if (failed is NotFoundResult)
        {
            return failed;
        }

        return await LoadAsync() ?? failed;
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var actor = await ActorAsync();
        var detail = await queries.GetAsync(actor, Id, HttpContext.RequestAborted);
        if (!detail.IsSuccess)
        {
            return NotFound();
        }

        var view = await analyses.GetAsync(actor, Id, AnalysisId, HttpContext.RequestAborted);
        if (!view.IsSuccess)
        {
            return NotFound();
        }

        Detail = detail.Value;
        View = view.Value;
        if (View.CanEdit)
        {
            Regions = (await directory.RegionsAsync(HttpContext.RequestAborted)).Where(r => r.IsActive).ToList();
        }

        return null;
    }
}
