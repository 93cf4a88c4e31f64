using System.Globalization;

namespace OpenPgb.Core.Common;

/// <summary>Money is integer euro cents. Formatting is the only place euros appear.</summary>
public static class Money
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>"€ 12.500,00" for 1250000 cents.</summary>
    public static string FormatEuro(long cents)
    {
        var sign = cents < 0 ? "-" : string.Empty;
        var abs = Math.Abs(cents);
        var euros = (abs / 100).ToString("#,0", Dutch);
        var rest = (abs % 100).ToString("00", CultureInfo.InvariantCulture);
        return $"{sign}€ {euros},{rest}";
    }
}
