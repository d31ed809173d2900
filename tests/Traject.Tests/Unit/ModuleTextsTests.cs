using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;
using Traject.Web;
using Traject.Web.Common;

namespace Traject.Tests.Unit;

/// <summary>
/// The UI texts live with their owner (a module, a page area or Common) and are served as one localizer: every file
/// has an owner that exists, no key has two owners, and the app's container hands out the composite.
/// </summary>
public sealed partial class ModuleTextsTests
{
    private static readonly CultureInfo Dutch = new("nl-NL");
    private static readonly CultureInfo English = new("en-GB");

    [GeneratedRegex(@"^Traject\.Web\.(?:(?<kind>Modules|Pages)\.(?<owner>[A-Za-z]+)\.Texts|Resources\.Common)$")]
    private static partial Regex BaseNamePattern();

    private static string WebProject()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Traject.slnx")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine(dir!.FullName, "src", "Traject.Web");
    }

    private static T InCulture<T>(CultureInfo culture, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Every_resource_file_belongs_to_an_existing_module_a_page_area_or_Common()
    {
        var files = ModuleTexts.FromSatellites(typeof(SharedResource).Assembly, ModuleTexts.Cultures);
        var web = WebProject();
        var strays = new List<string>();
        foreach (var file in files)
        {
            var match = BaseNamePattern().Match(file.BaseName);
            if (!match.Success
                || (match.Groups["kind"].Success && !Directory.Exists(Path.Combine(web, match.Groups["kind"].Value, match.Groups["owner"].Value))))
            {
                strays.Add($"{file.BaseName} ({file.Culture})");
            }
        }

        Assert.True(strays.Count == 0, "Resource files without an owner folder: " + string.Join(", ", strays));
        var dutch = files.Where(f => f.Culture == "nl").Select(f => f.BaseName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("Traject.Web.Resources.Common", dutch);
        Assert.Contains("Traject.Web.Modules.Tasks.Texts", dutch);
        Assert.Contains("Traject.Web.Pages.Trajectories.Texts", dutch);
        Assert.True(dutch.Count(n => n.StartsWith("Traject.Web.Modules.", StringComparison.Ordinal)) > 15, "Most modules own texts.");
        // English only where it differs from the key: every English file has its Dutch counterpart.
        Assert.All(files.Where(f => f.Culture == "en"), f => Assert.Contains(f.BaseName, dutch));
    }

    [Fact]
    public void The_apps_texts_merge_with_one_owner_per_key()
    {
        var texts = new ModuleTexts();
        var exception = Record.Exception(() => texts.Find("Save", Dutch));
        Assert.Null(exception);
        var files = ModuleTexts.FromSatellites(typeof(SharedResource).Assembly, ModuleTexts.Cultures);
        var dutchKeys = files.Where(f => f.Culture == "nl").Sum(f => f.Entries.Count);
        Assert.Equal(dutchKeys, InCulture(Dutch, () => texts.GetAllStrings(includeParentCultures: true).Count(s => !s.ResourceNotFound)));
    }

    [Fact]
    public void A_key_in_two_files_stops_the_texts_from_loading()
    {
        var texts = new ModuleTexts(
        [
            new TextFile("Traject.Web.Modules.Tasks.Texts", "nl", new Dictionary<string, string> { ["Save"] = "Opslaan", ["Task"] = "Taak" }),
            new TextFile("Traject.Web.Resources.Common", "nl", new Dictionary<string, string> { ["Cancel"] = "Annuleren" }),
            new TextFile("Traject.Web.Resources.Common", "en", new Dictionary<string, string> { ["Save"] = "Store" }),
        ]);

        var error = Assert.Throws<InvalidOperationException>(() => InCulture(Dutch, () => texts["Cancel"]));
        Assert.Contains("'Save' in Traject.Web.Modules.Tasks.Texts and Traject.Web.Resources.Common", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Cancel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookup_follows_the_parent_cultures_like_the_resource_manager()
    {
        var texts = new ModuleTexts(
        [
            new TextFile("Traject.Web.Modules.Tasks.Texts", "nl", new Dictionary<string, string> { ["Task"] = "Taak", ["{0} tasks"] = "{0} taken" }),
            new TextFile("Traject.Web.Modules.Tasks.Texts", "en", new Dictionary<string, string> { ["{0} tasks"] = "{0} tasks open" }),
        ]);

        var dutch = InCulture(new CultureInfo("nl-BE"), () => texts["Task"]);
        Assert.Equal("Taak", dutch.Value);
        Assert.False(dutch.ResourceNotFound);
        Assert.Equal("Traject.Web.Modules.Tasks.Texts", dutch.SearchedLocation);
        Assert.Equal("3 taken", InCulture(Dutch, () => texts["{0} tasks", 3]).Value);
        Assert.Equal("3 tasks open", InCulture(English, () => texts["{0} tasks", 3]).Value);

        // English has no entry where it equals the key; a culture without texts gets the key itself.
        var english = InCulture(English, () => texts["Task"]);
        Assert.Equal("Task", english.Value);
        Assert.True(english.ResourceNotFound);
        Assert.True(InCulture(new CultureInfo("fr-FR"), () => texts["Task"]).ResourceNotFound);

        Assert.Equal(new[] { "Task", "{0} tasks" }, InCulture(Dutch, () => texts.GetAllStrings(includeParentCultures: true).Select(s => s.Name)));
        Assert.Throws<MissingManifestResourceException>(() => InCulture(Dutch, () => texts.GetAllStrings(includeParentCultures: false).ToList()));
        Assert.Equal(new[] { "Task", "{0} tasks" }, InCulture(new CultureInfo("nl"), () => texts.GetAllStrings(includeParentCultures: false).Select(s => s.Name)));
    }

    [Fact]
    public async Task The_apps_container_serves_a_modules_texts_in_Dutch_and_English()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = "Data Source=:memory:",
        });
        TrajectApp.ConfigureServices(builder);
        await using var app = builder.Build();
        var l = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();

        Assert.IsType<ModuleTexts>(l);
        Assert.Equal("dossierpagina bekeken", InCulture(Dutch, () => l["AuditAction.dossier.view"]).Value);
        Assert.Equal("dossier page viewed", InCulture(English, () => l["AuditAction.dossier.view"]).Value);
        var task = InCulture(Dutch, () => l["CareTaskKind.TalkWithYoungPerson"]);
        Assert.Equal("Gesprek met de jongere", task.Value);
        Assert.Equal("Traject.Web.Modules.Tasks.Texts", task.SearchedLocation);
        Assert.Equal("Talk with the young person", InCulture(English, () => l.Label(Traject.Web.Modules.Tasks.TasksTaskKinds.TalkWithYoungPerson)));
    }

    [Fact]
    public void An_unknown_key_is_its_own_text_and_says_it_was_not_found()
    {
        var texts = new ModuleTexts();
        foreach (var culture in new[] { Dutch, English, CultureInfo.InvariantCulture })
        {
            var found = InCulture(culture, () => texts["No such text anywhere"]);
            Assert.Equal("No such text anywhere", found.Value);
            Assert.True(found.ResourceNotFound);
            var formatted = InCulture(culture, () => texts["No such text: {0}", 7]);
            Assert.Equal("No such text: 7", formatted.Value);
            Assert.True(formatted.ResourceNotFound);
        }
    }
}
