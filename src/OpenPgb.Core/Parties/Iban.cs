using System.Collections.Frozen;

namespace OpenPgb.Core.Parties;

/// <summary>
/// International Bank Account Number, checked as ISO 13616 prescribes: the country's own length, the BBAN's character
/// classes, and the mod-97 check digits (ISO 7064). Stored in electronic form: upper case, no spaces.
/// </summary>
public static class Iban
{
    // Lengths per the SWIFT IBAN registry, for the SEPA countries and a few frequent others.
    private static readonly FrozenDictionary<string, int> Lengths = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AT"] = 20, ["BE"] = 16, ["BG"] = 22, ["CH"] = 21, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22,
        ["DK"] = 18, ["EE"] = 20, ["ES"] = 24, ["FI"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GI"] = 23,
        ["GL"] = 18, ["GR"] = 27, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IS"] = 26, ["IT"] = 27, ["LI"] = 21,
        ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["MC"] = 27, ["MT"] = 31, ["NL"] = 18, ["NO"] = 15, ["PL"] = 28,
        ["PT"] = 25, ["RO"] = 24, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["VA"] = 22, ["TR"] = 26,
        ["MA"] = 28, ["SA"] = 24, ["AE"] = 23, ["IL"] = 23,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Upper case without spaces, as it is stored and put in payment files.</summary>
    public static string Normalize(string? value) =>
        string.Concat((value ?? string.Empty).Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    public static bool IsValid(string? value) => Validate(value) is null;

    /// <summary>Null when valid; otherwise why not, in Dutch, for the portal.</summary>
    public static string? Validate(string? value)
    {
        var iban = Normalize(value);
        if (iban.Length < 5)
        {
            return "Vul een volledig IBAN in.";
        }

        if (!char.IsAsciiLetterUpper(iban[0]) || !char.IsAsciiLetterUpper(iban[1]) || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]))
        {
            return "Een IBAN begint met een landcode van twee letters en twee controlecijfers.";
        }

        if (!Lengths.TryGetValue(iban[..2], out var length))
        {
            return $"IBAN's uit land {iban[..2]} worden niet ondersteund.";
        }

        if (iban.Length != length)
        {
            return $"Een IBAN uit {iban[..2]} heeft {length} tekens; dit IBAN heeft er {iban.Length}.";
        }

        if (!iban.All(char.IsAsciiLetterOrDigit))
        {
            return "Een IBAN bestaat alleen uit letters en cijfers.";
        }

        if (iban[..2] == "NL" && !(iban[4..8].All(char.IsAsciiLetterUpper) && iban[8..].All(char.IsAsciiDigit)))
        {
            return "Een Nederlands IBAN heeft vier letters (de bank) en tien cijfers na de controlecijfers.";
        }

        return Mod97(iban) == 1 ? null : "De controlecijfers van dit IBAN kloppen niet; controleer het nummer.";
    }

    /// <summary>"NL91 ABNA 0417 1643 00": groups of four, for display only.</summary>
    public static string Format(string iban)
    {
        var normalized = Normalize(iban);
        return string.Join(' ', normalized.Chunk(4).Select(chunk => new string(chunk)));
    }

    // ISO 7064 MOD 97-10: move the first four characters to the end, letters become 10..35, remainder must be 1.
    private static int Mod97(string iban)
    {
        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value < 10 ? ((remainder * 10) + value) % 97 : ((remainder * 100) + value) % 97;
        }

        return remainder;
    }
}
