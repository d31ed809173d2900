using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Organisations;
using Traject.Web.Modules.Placements;

namespace Traject.Web.Pages.Admin;

/// <summary>Adds a programme, or publishes a new version of one (administrators). Empty phase rows are left out.</summary>
internal sealed class CareProgrammeModel(Modules.Placements.CareProgrammes programmes, OrganisationRecords administration) : AppPageModel
{
    private const int BlankPhaseRows = 2;

    [FromRoute]
    public Guid? Id { get; set; }

    public CareProgrammeView? Current { get; private set; }
    public IReadOnlyList<RegionResponse> Regions { get; private set; } = [];
    public IReadOnlyList<OrganisationResponse> Organisations { get; private set; } = [];

    [BindProperty]
    public ProgrammeInput Input { get; set; } = new();

    internal sealed class ProgrammeInput
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Provider { get; set; }
        public List<PlacementSetting> Settings { get; set; } = [];
        public string? TargetGroup { get; set; }
        public TargetGender? TargetGender { get; set; }
        public int? MinAge { get; set; }
        public int? MaxAge { get; set; }
        public int? MaxDurationWeeks { get; set; }
        public int? IndicativeDurationWeeks { get; set; }
        public int? AftercareWeeks { get; set; }
        public RequiredIndication? RequiredIndication { get; set; }
        public GroupComposition? GroupComposition { get; set; }
        public ProgrammeReach? Reach { get; set; }
        public Guid? RegionId { get; set; }

        /// <summary>"yes", "no" or empty (not stated).</summary>
        public string? IntellectualDisability { get; set; }
        public bool FemaleStaffOnly { get; set; }
        public bool ProtectedAddress { get; set; }
        public string? Description { get; set; }
        public Guid? OrganisationId { get; set; }
        public bool IsActive { get; set; }
        public long? Version { get; set; }
        public List<PhaseInput> Phases { get; set; } = [];
    }

    internal sealed class PhaseInput
    {
        public string? Name { get; set; }
        public int? TypicalWeeks { get; set; }
        public RestrictionLevel? Phone { get; set; }
        public RestrictionLevel? Internet { get; set; }
        public RestrictionLevel? Leave { get; set; }
        public RestrictionLevel? NetworkContact { get; set; }
        public string? Notes { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } missing)
        {
            return missing;
        }

        if (Current is { } p)
        {
            Input = new ProgrammeInput
            {
                Code = p.Code, Name = p.Name, Provider = p.Provider, Settings = [.. p.Settings], TargetGroup = p.TargetGroup, TargetGender = p.TargetGender,
                MinAge = p.MinAge, MaxAge = p.MaxAge, MaxDurationWeeks = p.MaxDurationWeeks, IndicativeDurationWeeks = p.IndicativeDurationWeeks,
                AftercareWeeks = p.AftercareWeeks, RequiredIndication = p.RequiredIndication,
                GroupComposition = p.GroupComposition, Reach = p.Reach, RegionId = p.RegionId,
                IntellectualDisability = p.SuitableForIntellectualDisability switch { true => "yes", false => "no", _ => null },
                FemaleStaffOnly = p.FemaleStaffOnly, ProtectedAddress = p.ProtectedAddress, Description = p.Description,
                OrganisationId = p.OrganisationId, IsActive = p.IsActive, Version = p.Version,
                Phases = p.Phases.Select(x => new PhaseInput
                {
                    Name = x.Name, TypicalWeeks = x.TypicalWeeks, Phone = x.Phone, Internet = x.Internet, Leave = x.Leave,
                    NetworkContact = x.NetworkContact, Notes = x.Notes,
                }).ToList(),
            };
        }
        else
        {
            Input.IsActive = true;
        }

        AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } missing)
        {
            return missing;
        }

        if (!ModelState.IsValid)
        {
            ReplaceBindingErrors();
            AddBlankRows();
            return Page();
        }

        var i = Input;
        var phases = i.Phases.Where(x => !string.IsNullOrWhiteSpace(x.Name) || x.TypicalWeeks is not null || !string.IsNullOrWhiteSpace(x.Notes))
            .Select(x => (PhaseRequest?)new PhaseRequest(x.Name, x.TypicalWeeks, x.Phone, x.Internet, x.Leave, x.NetworkContact, x.Notes)).ToList();
        var request = new CareProgrammeRequest(Id is null ? i.Code : null, i.Name, i.Provider, i.Settings, i.TargetGroup, i.TargetGender, i.MinAge, i.MaxAge,
            i.MaxDurationWeeks, i.IndicativeDurationWeeks, i.AftercareWeeks, i.RequiredIndication, i.GroupComposition, i.Reach, i.RegionId,
            i.IntellectualDisability switch { "yes" => true, "no" => false, _ => null }, i.FemaleStaffOnly, i.ProtectedAddress, i.Description,
            phases, i.OrganisationId, i.IsActive, i.Version);
        var actor = await ActorAsync();
        var result = Id is { } id
            ? await programmes.PublishAsync(actor, id, request, HttpContext.RequestAborted)
            : await programmes.CreateAsync(actor, request, HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect("/admin/care-programmes");
        }

        ModelState.Clear();
        AddBlankRows();
        return Fail(result.Error!, Page);
    }

    private void AddBlankRows()
    {
        for (var n = 0; n < BlankPhaseRows && Input.Phases.Count < Modules.Placements.CareProgrammes.MaxPhases; n++)
        {
            Input.Phases.Add(new PhaseInput { Phone = RestrictionLevel.Allowed, Internet = RestrictionLevel.Allowed, Leave = RestrictionLevel.Allowed, NetworkContact = RestrictionLevel.Allowed });
        }
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (Id is { } id)
        {
            var current = await programmes.GetAsync(id, null, HttpContext.RequestAborted);
            if (!current.IsSuccess)
            {
                return NotFound();
            }

            Current = current.Value;
        }

        Regions = await administration.RegionsAsync(HttpContext.RequestAborted);
        Organisations = (await administration.OrganisationsAsync(HttpContext.RequestAborted)).Where(o => o.IsActive).ToList();
        return null;
    }
}
