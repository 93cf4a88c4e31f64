using System.Globalization;

namespace OpenPgb.Core.Common;

/// <summary>nl-NL, for dates and amounts in letters and pages.</summary>
public static class DutchCulture
{
    public static CultureInfo Instance { get; } = CultureInfo.GetCultureInfo("nl-NL");
}
