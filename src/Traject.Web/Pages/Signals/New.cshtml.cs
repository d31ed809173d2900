using Microsoft.AspNetCore.Mvc;
using Traject.Web.Modules.Screening;
using Traject.Web.Modules.Screening.Pooling;

namespace Traject.Web.Pages.Signals;

/// <summary>
/// Pass on signals about a young person outside one's care team. Every accepted form leads to the same page with the
/// same message and a receipt, whether she was known or not.
/// </summary>
internal sealed class NewModel(SignalPooling pooling, IInstrumentStore instruments) : AppPageModel
{
    public const int InitialRows = 3;

    internal sealed class InputModel
    {
        public string? GivenName { get; set; }
        public string? FamilyName { get; set; }
        public DateOnly? DateOfBirth { get; set; }
        public List<RowInput> Signals { get; set; } = [];
    }

    internal sealed class RowInput
    {
        public string? Code { get; set; }
        public DateOnly? ObservedOn { get; set; }
        public SignalSource? Source { get; set; }
        public string? Note { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Code) && ObservedOn is null && Source is null && string.IsNullOrWhiteSpace(Note);
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The receipt of the signals just sent (after the redirect), shown with the one "received" message.</summary>
    [BindProperty(SupportsGet = true, Name = "receipt")]
    public string? Receipt { get; set; }

    public IReadOnlyList<SignalDefinition> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!SignalPooling.MayPool(await ActorAsync()))
        {
            return NotAllowed();
        }

        Receipt = PoolingReceipt.IsWellFormed(Receipt) ? Receipt : null;
        return await ShowAsync();
    }

    /// <summary>One more row for another signal, keeping what was typed (no script needed).</summary>
    public async Task<IActionResult> OnPostAddRowAsync()
    {
        if (!SignalPooling.MayPool(await ActorAsync()))
        {
            return NotAllowed();
        }

        ModelState.Clear();
        Receipt = null;
        if (Input.Signals.Count < SignalPooling.MaxSignals)
        {
            Input.Signals.Add(new RowInput());
        }

        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = await ActorAsync();
        if (!SignalPooling.MayPool(actor))
        {
            return NotAllowed();
        }

        Receipt = null;
        ReplaceBindingErrors();
        if (!ModelState.IsValid)
        {
            return await ShowAsync();
        }

        // Empty rows are left out; the index map puts each message back beside the row it is about.
        var rows = Input.Signals.Select((row, index) => (row, index)).Where(r => !r.row.IsEmpty).ToList();
        var result = await pooling.PoolAsync(actor, new PoolSignalsRequest(Input.GivenName, Input.FamilyName, Input.DateOfBirth,
            rows.Select(r => (PooledSignalInput?)new PooledSignalInput(r.row.Code, r.row.ObservedOn, r.row.Source, r.row.Note)).ToList()),
            HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect($"/signals/new?receipt={result.Value.Receipt}");
        }

        if (result.Error!.Kind == ErrorKind.Forbidden)
        {
            return NotAllowed();
        }

        if (result.Error.Fields is not { Count: > 0 } fields)
        {
            ModelState.AddModelError(string.Empty, L.Render(result.Error.Message));
            return await ShowAsync();
        }

        foreach (var (field, messages) in fields)
        {
            var close = field.IndexOf(']', StringComparison.Ordinal);
            var key = field.StartsWith("signals[", StringComparison.Ordinal)
                ? $"Input.Signals[{rows[int.Parse(field[8..close], System.Globalization.CultureInfo.InvariantCulture)].index}].{Capital(field[(close + 2)..])}"
                : $"Input.{Capital(field)}";
            foreach (var message in messages)
            {
                ModelState.AddModelError(key, L.Render(message));
            }
        }

        return await ShowAsync();
    }

    private static string Capital(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    private async Task<IActionResult> ShowAsync()
    {
        while (Input.Signals.Count < InitialRows)
        {
            Input.Signals.Add(new RowInput());
        }

        var instrument = await instruments.CurrentAsync(HttpContext.RequestAborted);
        var dutch = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "nl";
        Choices = instrument.Signals.OrderBy(s => s.Group, StringComparer.Ordinal)
            .ThenBy(s => dutch ? s.LabelNl : s.LabelEn, StringComparer.CurrentCulture).ToList();
        return Page();
    }
}
