namespace Traject.Tests.Infrastructure;

/// <summary>A clock the tests move by hand. Starts at 10:00 UTC today, so the Amsterdam date is stable all test long.</summary>
public sealed class FakeClock : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now;

    public FakeClock()
        : this(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(10), TimeSpan.Zero))
    {
    }

    public FakeClock(DateTimeOffset start) => _now = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_gate)
        {
            _now += by;
        }
    }

    public void Set(DateTimeOffset now)
    {
        lock (_gate)
        {
            _now = now.ToUniversalTime();
        }
    }
}
