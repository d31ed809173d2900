using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Traject.Web.Modules.Screening;

namespace Traject.Web.Cli;

/// <summary>
/// <c>screen --file case.json [--culture en]</c>: the evaluation of <c>POST /api/v1/screening/evaluate</c> from the
/// command line, printing the same JSON. Without <c>instrumentVersion</c> it uses the built-in instrument and needs no
/// database; a named version is read from the configured database.
/// </summary>
internal static class ScreenCommand
{
    public static async Task<int> RunAsync(IServiceProvider sp, IReadOnlyDictionary<string, string> options)
    {
        if (!options.TryGetValue("file", out var path))
        {
            Console.Error.WriteLine("screen needs --file with the case as JSON: {\"dateOfBirth\", \"observationDate\", \"signals\", \"instrumentVersion\"?}.");
            return 2;
        }

        var culture = options.GetValueOrDefault("culture", "nl");
        if (!TrajectApp.Cultures.Any(c => c.Name == culture || c.TwoLetterISOLanguageName == culture))
        {
            Console.Error.WriteLine("--culture is nl or en.");
            return 2;
        }

        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        var json = sp.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        EvaluateRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<EvaluateRequest>(await File.ReadAllTextAsync(path), json);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{path} cannot be read: {ex.Message}");
            return 2;
        }
        catch (JsonException ex)
        {
            Console.Error.WriteLine($"{path} is not a valid case (at {ex.Path ?? "$"}): dates as yyyy-MM-dd, signals as a list of codes.");
            return 2;
        }

        if (request is null)
        {
            Console.Error.WriteLine($"{path} is empty.");
            return 2;
        }

        var instrument = await Evaluation.ResolveAsync(request, _ => Task.FromResult(BuiltInInstrument.Instance),
            sp.GetRequiredService<IInstrumentStore>(), CancellationToken.None);
        var l = sp.GetRequiredService<IStringLocalizer<SharedResource>>();
        var result = Evaluation.Evaluate(request, instrument, l);
        if (!result.IsSuccess)
        {
            foreach (var (field, messages) in result.Error!.Fields ?? new Dictionary<string, string[]>())
            {
                foreach (var message in messages)
                {
                    Console.Error.WriteLine($"{field}: {l.Render(message)}");
                }
            }

            return 2;
        }

        Console.WriteLine(JsonSerializer.Serialize(result.Value, json));
        return 0;
    }
}
