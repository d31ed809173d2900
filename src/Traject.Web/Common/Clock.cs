namespace Traject.Web.Common;

/// <summary>Date helpers in the zone the professionals work in.</summary>
internal static class Clock
{
    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateOnly Today(this TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Amsterdam).DateTime);

    public static DateTimeOffset ToLocal(this DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Amsterdam);

    /// <summary>The moment, in UTC, that this date begins in Amsterdam.</summary>
    public static DateTimeOffset StartOfDayUtc(this DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Amsterdam.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>Age in whole years on a given date; never stored, always computed.</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly on)
    {
        var age = on.Year - dateOfBirth.Year;
        if (on < dateOfBirth.AddYears(age))
        {
            age--;
        }

        return age;
    }
}
