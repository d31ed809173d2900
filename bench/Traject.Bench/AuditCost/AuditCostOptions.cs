using System.Globalization;
using Traject.Web.Data;

namespace Traject.Bench.AuditCost;

/// <summary>What the page or API call is that opens a dossier.</summary>
internal enum OpenTarget
{
    /// <summary><c>GET /api/v1/trajectories/{id}</c>: one audited read.</summary>
    Api,

    /// <summary>
    /// <c>GET /trajectories/{id}</c>, the dossier page: each of its parts is read, and audited, on its own (nine
    /// entries per open on 2026-12-03).
    /// </summary>
    Page,
}

/// <summary>The arguments of the <c>audit-cost</c> verb.</summary>
internal sealed record AuditCostOptions(
    int Users,
    int Opens,
    int Rounds,
    int Warmup,
    int DossiersPerUser,
    DatabaseProvider Provider,
    string? Connection,
    OpenTarget Target)
{
    public const string Usage = """
        audit-cost [--users 20] [--opens 100] [--rounds 8] [--warmup 100] [--dossiers 5]
                   [--provider sqlite|postgres] [--connection "Host=…;Username=…;Database=postgres"] [--target api|page]

          --users     concurrent professionals, each with her own login and her own dossiers
          --opens     dossier opens per professional per round
          --rounds    measured rounds, alternating audit on / off (on, off, off, on, …)
          --warmup    opens per professional per warm-up round, in each mode; warm-up goes on until the
                      runtime has (nearly) stopped compiling, at most 10 on/off pairs
          --dossiers  young people each professional coordinates (registered through the API)
          --provider  sqlite (a fresh file in a temporary folder) or postgres
          --connection  for postgres: a connection string to a server where the user may create databases
                      (default: TRAJECT_TEST_POSTGRES); the bench creates and drops its own database
          --target    api: GET /api/v1/trajectories/{id}; page: the dossier page GET /trajectories/{id}
        """;

    public static AuditCostOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            }

            values[args[i][2..]] = args[++i];
        }

        var known = new[] { "users", "opens", "rounds", "warmup", "dossiers", "provider", "connection", "target" };
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            throw new ArgumentException($"Unknown option '--{unknown}'.");
        }

        var provider = values.GetValueOrDefault("provider", "sqlite") switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" => DatabaseProvider.PostgreSQL,
            var other => throw new ArgumentException($"Unknown provider '{other}'."),
        };
        var target = values.GetValueOrDefault("target", "api") switch
        {
            "api" => OpenTarget.Api,
            "page" => OpenTarget.Page,
            var other => throw new ArgumentException($"Unknown target '{other}'."),
        };
        var connection = values.GetValueOrDefault("connection")
            ?? (provider == DatabaseProvider.PostgreSQL ? Environment.GetEnvironmentVariable("TRAJECT_TEST_POSTGRES") : null);
        if (provider == DatabaseProvider.PostgreSQL && string.IsNullOrWhiteSpace(connection))
        {
            throw new ArgumentException("--provider postgres needs --connection (or TRAJECT_TEST_POSTGRES).");
        }

        return new AuditCostOptions(
            Number("users", 20), Number("opens", 100), Number("rounds", 8), Number("warmup", 100), Number("dossiers", 5),
            provider, connection, target);

        int Number(string name, int fallback)
        {
            if (!values.TryGetValue(name, out var text))
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 100_000
                ? n
                : throw new ArgumentException($"--{name} must be a whole number from 1 to 100000.");
        }
    }
}
