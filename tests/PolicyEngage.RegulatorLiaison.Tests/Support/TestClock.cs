namespace PolicyEngage.RegulatorLiaison.Tests.Support;

/// <summary>A clock the test moves by hand; it starts at the real time so that tokens and timers stay sensible.</summary>
public sealed class TestClock : TimeProvider
{
    private long _utcTicks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public DateTime UtcNow => GetUtcNow().UtcDateTime;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
