using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OpenPgb.Core.Data;

/// <summary>
/// SQLite has no date type, and EF Core refuses to order or compare <see cref="DateTimeOffset"/> columns there
/// ("SQLite does not support expressions of type 'DateTimeOffset' in ORDER BY clauses"): every list sorted by time
/// answered 500 on the demo database. Stored as fixed-width UTC text ("2026-12-03 09:16:42.1600000+00:00"), text
/// order is time order, so ORDER BY, comparisons, MIN and MAX all work. The column stays TEXT, and values written by
/// earlier versions (UTC, trailing zeros trimmed) still sort correctly among these and read back unchanged.
/// </summary>
internal sealed class SortableUtcTextConverter() : ValueConverter<DateTimeOffset, string>(
    value => Format(value),
    text => Parse(text))
{
    private const string Pattern = "yyyy'-'MM'-'dd' 'HH':'mm':'ss'.'fffffff'+00:00'";

    internal static string Format(DateTimeOffset value) => value.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    internal static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();
}
