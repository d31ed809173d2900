namespace Traject.BrowserTests;

/// <summary>
/// The app's clock: the real time, moved forward by a journey that needs months to pass (the follow-up contacts after
/// care). Timers and time zones stay the system's; only "now" moves.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    /// <summary>Moves "now" forward (never back: what was recorded stays in the past).</summary>
    public void MoveForward(TimeSpan by)
    {
        Assert.True(by >= TimeSpan.Zero, "The clock only moves forward.");
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
