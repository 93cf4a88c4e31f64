namespace OpenPgb.Core.Common;

/// <summary>
/// Dates and deadlines are Dutch calendar dates: "today" is today in Europe/Amsterdam, whatever the server's zone.
/// </summary>
public static class AmsterdamClock
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateOnly Today(this TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);

    public static DateTimeOffset ToAmsterdam(this DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The instant a Dutch calendar day begins (00:00 in Amsterdam), in UTC.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
