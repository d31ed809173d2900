using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Traject.Web.Modules.Statistics;

/// <summary>
/// The national figures for national reporters: victims notified to the national centre and counted in a year
/// (<c>NationalNotifications.CountedInYear</c>), after disclosure control. Aggregates only: the role sees no
/// individual record, and nothing here reads one.
/// </summary>
internal sealed class NationalFigures(TrajectDb db, TimeProvider time, IStringLocalizer<SharedResource> l)
{
    public const int FirstYear = 2000;

    public static bool MaySee(Actor actor) => actor.IsInRole(Roles.NationalReporter);

    /// <summary>The figures of a year (this year when none is given), for a national reporter only.</summary>
    public async Task<Result<NationalFiguresView>> GetAsync(Actor actor, string? year, CancellationToken ct)
    {
        if (!MaySee(actor))
        {
            return Error.Forbidden("Only national reporters see the national figures.");
        }

        var thisYear = time.Today().Year;
        var y = thisYear;
        if (!string.IsNullOrWhiteSpace(year)
            && (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out y) || y < FirstYear || y > thisYear))
        {
            return Error.Invalid("year", Text.Encode("Give the year as four digits, from {0} to {1}.", FirstYear, thisYear));
        }

        return await BuildAsync(y, ct);
    }

    /// <summary>The figures of a year, without asking who wants them (the <c>stats national</c> verb on the server).</summary>
    public async Task<NationalFiguresView> BuildAsync(int year, CancellationToken ct)
    {
        var groups = await db.NationalNotifications.AsNoTracking()
            .Where(n => n.CountedInYear && n.Year == year)
            .GroupBy(n => new { n.Nationality, n.Minor, n.RegionId, n.OrganisationKind, n.Forms })
            .Select(g => new { g.Key.Nationality, g.Key.Minor, g.Key.RegionId, g.Key.OrganisationKind, g.Key.Forms, Count = g.Count() })
            .ToListAsync(ct);
        var regions = await db.Regions.AsNoTracking().Where(r => r.IsActive).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        foreach (var missing in groups.Select(g => g.RegionId).Where(id => !regions.ContainsKey(id)).Distinct().ToList())
        {
            regions[missing] = await db.Regions.AsNoTracking().Where(r => r.Id == missing).Select(r => r.Name).SingleAsync(ct);
        }

        return NationalTables.Build(year,
            groups.Select(g => new NotificationGroup(g.Nationality, g.Minor, g.RegionId, g.OrganisationKind, g.Forms, g.Count)).ToList(),
            regions, l);
    }

    /// <summary>The name of one table, or a validation error naming the choices.</summary>
    public static Result<string> TableName(string? table) =>
        string.IsNullOrWhiteSpace(table) ? NationalTable.Victims
        : NationalTable.All.Contains(table, StringComparer.Ordinal) ? table
        : Error.Invalid("table", Text.Encode("Choose one of the tables: {0}.", string.Join(", ", NationalTable.All)));
}
