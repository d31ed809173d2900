using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Screening;
using Traject.Web.Modules.Trajectories;
using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Web.Pages.Trajectories;

/// <summary>Records a screening: the signals of the current instrument by group, each with date observed, source and note.</summary>
internal sealed partial class NewScreeningModel(Screenings screenings, TrajectoryQueries queries, IInstrumentStore instruments) : AppPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public TrajectoryDetail Detail { get; private set; } = null!;
    public Instrument Instrument { get; private set; } = null!;
    public bool MayRecord => Detail.AccessBasis != AccessBasis.Emergency && Detail.ClosedAt is null;

    [BindProperty]
    public List<SignalInput> Signals { get; set; } = [];

    internal sealed class SignalInput
    {
        public string? Code { get; set; }
        public bool Selected { get; set; }
        public DateOnly? ObservedOn { get; set; }
        public SignalSource? Source { get; set; }
        public string? Note { get; set; }
    }

    /// <summary>One row of the form: the posted (or empty) input with the instrument's definition of its signal.</summary>
    internal sealed record Row(int Index, SignalInput Input, string Group, string Label);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            ReplaceBindingErrors();
            return await LoadAsync() ?? Page();
        }

        var chosen = new List<int>();
        for (var i = 0; i < Signals.Count; i++)
        {
            var s = Signals[i];
            if (s.Selected)
            {
                chosen.Add(i);
            }
            else if (s.ObservedOn is not null || s.Source is not null || !string.IsNullOrWhiteSpace(s.Note))
            {
                // Filled in but not ticked: say so instead of dropping what was written.
                ModelState.AddModelError(RowKey(i), L["Tick this signal, or leave its fields empty."]);
            }
        }

        if (!ModelState.IsValid)
        {
            return await LoadAsync() ?? Page();
        }

        var request = new RecordScreeningRequest(chosen
            .Select(i => (ObservedSignalRequest?)new ObservedSignalRequest(Signals[i].Code, Signals[i].ObservedOn, Signals[i].Source, Signals[i].Note))
            .ToList());
        var result = await screenings.RecordAsync(await ActorAsync(), Id, request, HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect($"/trajectories/{Id}/screenings/{result.Value.Id}");
        }

        if (result.Error!.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        ModelState.Clear();
        foreach (var (field, messages) in result.Error.Fields ?? new Dictionary<string, string[]>())
        {
            // signals[k].x is about the k-th ticked signal: show it beside that row.
            var match = SignalField().Match(field);
            var key = match.Success && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is var k && k < chosen.Count
                ? RowKey(chosen[k])
                : string.Empty;
            foreach (var message in messages)
            {
                ModelState.AddModelError(key, L.Render(message));
            }
        }

        if (result.Error.Fields is not { Count: > 0 })
        {
            ModelState.AddModelError(string.Empty, L.Render(result.Error.Message));
        }

        return await LoadAsync() ?? Page();
    }

    /// <summary>The rows in the instrument's order, grouped as the instrument groups them.</summary>
    public IEnumerable<IGrouping<string, Row>> Groups()
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return Signals.Select((input, i) => (input, i, definition: Instrument.Find(input.Code ?? string.Empty)))
            .Select(x => new Row(x.i, x.input, x.definition?.Group ?? string.Empty,
                x.definition is null ? x.input.Code ?? string.Empty : english ? x.definition.LabelEn : x.definition.LabelNl))
            .GroupBy(r => r.Group);
    }

    public string RowErrors(int i) => Errors(RowKey(i));

    private static string RowKey(int i) => $"Signals[{i}]";

    [GeneratedRegex(@"^signals\[(\d+)\]")]
    private static partial Regex SignalField();

    private async Task<IActionResult?> LoadAsync()
    {
        var detail = await queries.GetAsync(await ActorAsync(), Id, HttpContext.RequestAborted);
        if (!detail.IsSuccess)
        {
            return NotFound();
        }

        Detail = detail.Value;
        Instrument = await instruments.CurrentAsync(HttpContext.RequestAborted);
        if (Signals.Count == 0)
        {
            Signals = Instrument.Signals.Select(s => new SignalInput { Code = s.Code }).ToList();
        }

        return null;
    }
}
