using System.Globalization;

namespace Traject.Web.Common;

/// <summary>
/// A period of whole months for the organisation's figures, read from "yyyy-mm" (default: the last twelve months up to
/// this one). Months are counted in local time; <see cref="FromUtc"/> and <see cref="ToUtc"/> widen it by a day each side
/// so a query on stored UTC times misses nothing, and <see cref="Contains"/> decides on the local date.
/// </summary>
internal sealed record MonthPeriod(DateOnly First, DateOnly Last)
{
    public DateOnly End => Last.AddMonths(1);

    public DateTimeOffset FromUtc => new(First.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public DateTimeOffset ToUtc => new(End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public IEnumerable<DateOnly> Months()
    {
        for (var m = First; m < End; m = m.AddMonths(1))
        {
            yield return m;
        }
    }

    public bool Contains(DateOnly day) => day >= First && day < End;

    public static string Key(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The period, or field errors in <paramref name="v"/> (then the default period is answered).</summary>
    public static MonthPeriod Parse(Validator v, string? from, string? to, DateOnly today, int maxMonths)
    {
        var first = Month(v, "from", from, new DateOnly(today.Year, today.Month, 1).AddMonths(-11));
        var last = Month(v, "to", to, new DateOnly(today.Year, today.Month, 1));
        if (v.IsValid && last < first)
        {
            v.Add("to", "The end month cannot be before the start month.");
        }
        else if (v.IsValid && (last.Year - first.Year) * 12 + last.Month - first.Month >= maxMonths)
        {
            v.Add("to", "A period of at most {0} months.", maxMonths);
        }

        return new MonthPeriod(first, last);
    }

    private static DateOnly Month(Validator v, string field, string? value, DateOnly fallback)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(value.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            && month.Year is >= 2000 and <= 2100)
        {
            return month;
        }

        v.Add(field, "A month as yyyy-mm.");
        return fallback;
    }
}
