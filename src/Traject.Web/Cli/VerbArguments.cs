namespace Traject.Web.Cli;

/// <summary>An admin verb's command line, read: its options by name, its sub-verb, and what goes on to the host builder.</summary>
internal sealed record VerbArguments(string Verb, string? SubVerb, IReadOnlyDictionary<string, string> Options, IReadOnlyList<string> HostArgs)
{
    /// <summary>The content root given on the command line, if any.</summary>
    public string? ContentRoot => HostArgs.Select(a => a.Split('=', 2)).Where(p => p[0].Equals("--contentRoot", StringComparison.OrdinalIgnoreCase))
        .Select(p => p[1]).LastOrDefault();
}

/// <summary>
/// Reads the command line of the admin verbs. Every option may be written <c>--name value</c> or <c>--name=value</c>;
/// an option a verb does not know, a missing value or a stray argument is refused with a message, so a verb never runs
/// on settings it silently ignored (such as another database than the one meant). Host options (<c>--contentRoot</c>,
/// <c>--environment</c>, <c>--applicationName</c>) and configuration keys (<c>--Database:Provider Sqlite</c>) are
/// accepted by every verb and passed on to the host builder as <c>--name=value</c>.
/// </summary>
internal static class VerbParser
{
    /// <summary>The verbs with the options each takes; a flag takes no value.</summary>
    private static readonly Dictionary<string, (string[] Values, string[] Flags, string[] SubVerbs)> Specs = new(StringComparer.Ordinal)
    {
        ["migrate"] = ([], [], []),
        ["seed"] = (["scale"], ["demo"], []),
        ["create-admin"] = (["email", "name", "organisation", "region"], [], []),
        ["verify-audit"] = ([], [], []),
        ["backup"] = (["to"], ["force"], []),
        ["schema-script"] = ([], [], []),
        ["screen"] = (["file", "culture"], [], []),
        ["stats"] = (["in", "year", "format", "table", "culture"], [], ["suppress", "national"]),
        ["help"] = ([], [], []),
    };

    private static readonly string[] HostOptions = ["contentRoot", "environment", "applicationName"];

    public static IReadOnlyList<string> Verbs => [.. Specs.Keys];

    public static bool IsVerb(string arg) => Specs.ContainsKey(arg);

    /// <summary>
    /// Whether the first argument names no verb: the web application starts for no arguments, an option
    /// (<c>--urls http://…</c>) or a configuration setting (<c>Key=Value</c>).
    /// </summary>
    public static bool StartsServer(string[] args) =>
        args.Length == 0 || args[0].StartsWith('-') || args[0].Contains('=', StringComparison.Ordinal);

    public static (VerbArguments? Parsed, string? Error) Parse(string[] args)
    {
        if (args.Length == 0 || !Specs.TryGetValue(args[0], out var spec))
        {
            return (null, UnknownVerb(args.FirstOrDefault() ?? string.Empty));
        }

        var verb = args[0];
        string? subVerb = null;
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var hostArgs = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                if (i == 1 && spec.SubVerbs.Contains(arg, StringComparer.Ordinal))
                {
                    subVerb = arg;
                    continue;
                }

                return (null, spec.SubVerbs.Length > 0 && i == 1
                    ? $"{verb} does not know '{arg}': use {string.Join(" or ", spec.SubVerbs)}."
                    : $"{verb} does not take the argument '{arg}'; options start with --.");
            }

            var (name, inline) = arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 2 ? (arg[2..eq], arg[(eq + 1)..]) : (arg[2..], null);
            var isFlag = spec.Flags.Contains(name, StringComparer.OrdinalIgnoreCase);
            var isValue = spec.Values.Contains(name, StringComparer.OrdinalIgnoreCase);
            var isHost = HostOptions.Contains(name, StringComparer.OrdinalIgnoreCase) || name.Contains(':', StringComparison.Ordinal);
            if (name.Equals("help", StringComparison.OrdinalIgnoreCase) && inline is null)
            {
                options["help"] = "true";
                continue;
            }

            if (!isFlag && !isValue && !isHost)
            {
                var known = spec.Values.Concat(spec.Flags).Select(o => "--" + o).ToList();
                return (null, $"{verb} does not know the option --{name}. "
                    + (known.Count > 0 ? $"Its options: {string.Join(", ", known)}; " : "It takes no options of its own; ")
                    + "every verb also takes --contentRoot, --environment and configuration keys such as --Database:Provider.");
            }

            if (isFlag)
            {
                if (inline is not null)
                {
                    return (null, $"--{name} takes no value.");
                }

                options[name] = "true";
                continue;
            }

            var value = inline;
            if (value is null && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }

            if (string.IsNullOrEmpty(value) && !isHost)
            {
                return (null, $"--{name} needs a value: --{name} <value> or --{name}=<value>.");
            }

            if (value is null)
            {
                return (null, $"--{name} needs a value: --{name} <value> or --{name}=<value>.");
            }

            if (isHost)
            {
                hostArgs.Add($"--{name}={value}");
            }
            else
            {
                options[name] = value;
            }
        }

        return (new VerbArguments(verb, subVerb, options, hostArgs), null);
    }

    public static string UnknownVerb(string verb) =>
        $"Unknown verb '{verb}'. The verbs are: {string.Join(", ", Specs.Keys)}. Without a verb (or with options only, such as --urls) "
        + "the web application starts; 'help' shows every verb and its options.";
}
