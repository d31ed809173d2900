using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Traject.Web.Modules.Screening;

namespace Traject.Web.Pages.Admin;

/// <summary>The instrument versions, and publishing a new one by pasting or uploading its JSON (administrators).</summary>
internal sealed class InstrumentModel(InstrumentPublishing versions, IInstrumentStore store, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : AppPageModel
{
    private const int MaxFileBytes = 256 * 1024;

    /// <summary>Readable for people (letters such as ë unescaped); the page encodes it as HTML like any other text.</summary>
    private static readonly JsonSerializerOptions IndentedJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public IReadOnlyList<InstrumentVersionView> Versions { get; private set; } = [];

    public string CurrentJson { get; private set; } = string.Empty;

    [BindProperty]
    public InstrumentInput Input { get; set; } = new();

    internal sealed class InstrumentInput
    {
        public string? Json { get; set; }
        public IFormFile? File { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!(await ActorAsync()).IsAdministrator)
        {
            return NotFound();
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = await ActorAsync();
        if (!actor.IsAdministrator)
        {
            return NotFound();
        }

        ReplaceBindingErrors();
        var text = Input.Json;
        if (Input.File is { Length: > 0 } file)
        {
            if (file.Length > MaxFileBytes)
            {
                return await FailAsync(Error.Invalid("file", Text.Encode("The file is larger than {0} KB.", MaxFileBytes / 1024)));
            }

            using var reader = new StreamReader(file.OpenReadStream());
            text = await reader.ReadToEndAsync(HttpContext.RequestAborted);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return await FailAsync(Error.Invalid("json", "Paste the instrument as JSON or choose a file."));
        }

        InstrumentDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<InstrumentDocument>(text, json.Value.SerializerOptions);
        }
        catch (JsonException)
        {
            return await FailAsync(Error.Invalid("json", "The JSON could not be read: check the brackets, commas and quotes."));
        }

        var result = await versions.PublishAsync(actor, document, HttpContext.RequestAborted);
        if (result.IsSuccess)
        {
            return Redirect("/admin/instrument");
        }

        return await FailAsync(result.Error!);
    }

    private async Task<IActionResult> FailAsync(Error error)
    {
        await LoadAsync();
        // Every message goes in the summary with the field it is about: the JSON has no form field per value.
        if (error.Fields is { Count: > 0 } fields)
        {
            foreach (var (field, messages) in fields)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(string.Empty, field is "json" or "file" or "body" ? L.Render(message) : $"{field}: {L.Render(message)}");
                }
            }

            return Page();
        }

        return Fail(error, Page);
    }

    private async Task LoadAsync()
    {
        Versions = await versions.ListAsync(HttpContext.RequestAborted);
        var current = await store.CurrentAsync(HttpContext.RequestAborted);
        CurrentJson = JsonSerializer.Serialize(InstrumentJson.ToDocument(current), IndentedJson);
    }
}
