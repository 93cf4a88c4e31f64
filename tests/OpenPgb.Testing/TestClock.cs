namespace OpenPgb.Testing;

/// <summary>A settable clock for tests; starts at a fixed instant unless told otherwise.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public TestClock()
        : this(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset now) => _now = now;
}
