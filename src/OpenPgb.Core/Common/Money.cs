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

    /// <summary>
    /// Reads an amount typed in the portal: "35", "35,50", "1.250,00" or "35.50" (a dot is decimal only when there is
    /// no comma). At most two decimals; never through floating point.
    /// </summary>
    public static bool TryParseEuro(string? text, out long cents)
    {
        cents = 0;
        var value = (text ?? string.Empty).Replace("€", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (value.Contains(',', StringComparison.Ordinal))
        {
            value = value.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.');
        }

        var parts = value.Split('.');
        if (parts.Length > 2 || parts[0].Length is 0 or > 9 || !parts[0].All(char.IsAsciiDigit)
            || (parts.Length == 2 && (parts[1].Length is 0 or > 2 || !parts[1].All(char.IsAsciiDigit))))
        {
            return false;
        }

        var fraction = parts.Length == 2 ? parts[1].PadRight(2, '0') : "00";
        cents = (long.Parse(parts[0], CultureInfo.InvariantCulture) * 100) + long.Parse(fraction, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>"35,50": for pre-filling an input.</summary>
    public static string FormatInput(long cents) => $"{cents / 100},{(cents % 100).ToString("00", CultureInfo.InvariantCulture)}";
}
