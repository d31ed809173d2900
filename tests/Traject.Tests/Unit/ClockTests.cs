using Traject.Web.Common;

namespace Traject.Tests.Unit;

public class ClockTests
{
    [Theory]
    [InlineData("2010-06-15", "2026-06-14", 15)]
    [InlineData("2010-06-15", "2026-06-15", 16)]
    [InlineData("2010-06-15", "2026-06-16", 16)]
    [InlineData("2010-12-31", "2026-01-01", 15)]
    [InlineData("2010-01-01", "2025-12-31", 15)]
    [InlineData("2026-06-15", "2026-06-15", 0)]
    [InlineData("1996-03-01", "2026-02-28", 29)]
    public void Age_in_whole_years(string born, string on, int age) =>
        Assert.Equal(age, Clock.AgeOn(DateOnly.Parse(born, null), DateOnly.Parse(on, null)));

    [Fact]
    public void Born_on_29_February()
    {
        var born = new DateOnly(2008, 2, 29);
        Assert.Equal(17, Clock.AgeOn(born, new DateOnly(2026, 2, 27)));
        Assert.Equal(18, Clock.AgeOn(born, new DateOnly(2026, 3, 1)));
        Assert.Equal(19, Clock.AgeOn(born, new DateOnly(2027, 3, 1)));
        Assert.Equal(19, Clock.AgeOn(born, new DateOnly(2028, 2, 28)));
        Assert.Equal(20, Clock.AgeOn(born, new DateOnly(2028, 2, 29)));
    }

    [Fact]
    public void Age_never_goes_down_and_steps_by_one_once_a_year()
    {
        var born = new DateOnly(2008, 2, 29);
        var previous = 0;
        var steps = 0;
        for (var day = born; day <= born.AddYears(9); day = day.AddDays(1))
        {
            var age = Clock.AgeOn(born, day);
            Assert.InRange(age - previous, 0, 1);
            steps += age - previous;
            previous = age;
        }

        Assert.Equal(9, steps);
    }

    [Fact]
    public void Today_is_the_date_in_Amsterdam()
    {
        // 22:30 UTC in summer is 00:30 the next day in Amsterdam (UTC+2).
        Assert.Equal(new DateOnly(2026, 7, 2), new Infrastructure.FakeClock(new DateTimeOffset(2026, 7, 1, 22, 30, 0, TimeSpan.Zero)).Today());
        // 22:30 UTC in winter is 23:30 the same day (UTC+1).
        Assert.Equal(new DateOnly(2026, 1, 1), new Infrastructure.FakeClock(new DateTimeOffset(2026, 1, 1, 22, 30, 0, TimeSpan.Zero)).Today());
    }
}
