using Microsoft.Extensions.Time.Testing;

namespace PolicyEngage.Testing.Services;

public static class TestClock
{
    /// <summary>
    /// A clock the test moves by hand. It starts at the real time, not FakeTimeProvider's default in the year 2000:
    /// token lifetimes are validated against the service's clock.
    /// </summary>
    public static FakeTimeProvider StartingNow() => new(DateTimeOffset.UtcNow);
}
