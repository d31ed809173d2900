using Traject.Web.Cli;

namespace Traject.Tests.Unit;

/// <summary>The admin verbs' command line: both ways of writing an option, and a clear refusal of anything else.</summary>
public class VerbParserTests
{
    [Theory]
    [InlineData("verify-audit --contentRoot /srv/traject")]
    [InlineData("verify-audit --contentRoot=/srv/traject")]
    [InlineData("verify-audit --contentroot /srv/traject")]
    public void The_content_root_is_read_with_a_space_or_an_equals_sign(string commandLine)
    {
        var (parsed, error) = VerbParser.Parse(commandLine.Split(' '));
        Assert.Null(error);
        Assert.Equal("/srv/traject", parsed!.ContentRoot);
        Assert.Single(parsed.HostArgs);
    }

    [Fact]
    public void Verb_options_flags_sub_verbs_and_configuration_keys_are_read_either_way()
    {
        var (seed, _) = VerbParser.Parse(["seed", "--demo", "--scale", "20", "--Database:Provider", "Sqlite", "--Database:ConnectionString="]);
        Assert.Equal(("true", "20"), (seed!.Options["demo"], seed.Options["scale"]));
        Assert.Equal(["--Database:Provider=Sqlite", "--Database:ConnectionString="], seed.HostArgs);

        var (stats, _) = VerbParser.Parse(["stats", "national", "--year=2026", "--format", "json", "--culture=en"]);
        Assert.Equal("national", stats!.SubVerb);
        Assert.Equal(("2026", "json", "en"), (stats.Options["year"], stats.Options["format"], stats.Options["culture"]));

        var (admin, _) = VerbParser.Parse(["create-admin", "--email", "a@b.nl", "--name=Anna de Vries", "--organisation", "Org"]);
        Assert.Equal(("a@b.nl", "Anna de Vries", "Org"), (admin!.Options["email"], admin.Options["name"], admin.Options["organisation"]));
    }

    [Theory]
    [InlineData(new[] { "verify-audit", "--contentRot", "/srv" }, "does not know the option --contentRot")]
    [InlineData(new[] { "verify-audit", "--file", "x" }, "does not know the option --file")]
    [InlineData(new[] { "seed", "--scale" }, "--scale needs a value")]
    [InlineData(new[] { "seed", "--scale", "--demo" }, "--scale needs a value")]
    [InlineData(new[] { "verify-audit", "--contentRoot" }, "--contentRoot needs a value")]
    [InlineData(new[] { "seed", "--demo=yes" }, "--demo takes no value")]
    [InlineData(new[] { "verify-audit", "/srv/traject" }, "does not take the argument '/srv/traject'")]
    [InlineData(new[] { "stats", "everything" }, "use suppress or national")]
    [InlineData(new[] { "migrate", "-x" }, "does not take the argument '-x'")]
    public void Anything_a_verb_does_not_know_is_refused_with_a_message(string[] args, string message)
    {
        var (parsed, error) = VerbParser.Parse(args);
        Assert.Null(parsed);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], true)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5090" }, true)]
    [InlineData(new[] { "--urls=http://127.0.0.1:5090", "--environment", "Development" }, true)]
    [InlineData(new[] { "Database:Provider=Sqlite" }, true)]
    [InlineData(new[] { "no-such-verb" }, false)]
    [InlineData(new[] { "verify-audit" }, false)]
    [InlineData(new[] { "migrate", "--contentRoot", "/srv" }, false)]
    public void Only_no_arguments_options_or_settings_start_the_web_application(string[] args, bool server) =>
        Assert.Equal(server, VerbParser.StartsServer(args));

    [Fact]
    public void An_unknown_verb_is_refused_naming_every_verb()
    {
        var (parsed, error) = VerbParser.Parse(["no-such-verb"]);
        Assert.Null(parsed);
        Assert.StartsWith("Unknown verb 'no-such-verb'.", error, StringComparison.Ordinal);
        foreach (var verb in VerbParser.Verbs)
        {
            Assert.Contains(verb, error, StringComparison.Ordinal);
        }
    }
}
