using System.Collections.Frozen;

namespace OpenPgb.Core.Parties;

/// <summary>
/// International Bank Account Number, checked as ISO 13616 prescribes: the country's own length, the BBAN's character
/// classes, and the mod-97 check digits (ISO 7064). Stored in electronic form: upper case, no spaces.
/// </summary>
public static class Iban
{
    // Lengths per the SWIFT IBAN registry, for the SEPA countries and a few frequent others.
    private static readonly FrozenDictionary<string, int> Lengths =
        "AD24 AT20 BE16 BG22 CH21 CY28 CZ24 DE22 DK18 EE20 ES24 FI18 FO18 FR27 GB22 GI23 GL18 GR27 HR21 HU28 IE22 IS26 IT27 LI21 LT20 LU20 LV21 MC27 MT31 NL18 NO15 PL28 PT25 RO24 SE24 SI19 SK24 SM27 VA22 TR26 MA28 SA24 AE23 IL23"
            .Split(' ')
            .ToFrozenDictionary(entry => entry[..2], entry => int.Parse(entry[2..], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);

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

        // ISO 13616 computes the check digits as 98 - (n mod 97): always 02 to 98. 00, 01 and 99 can pass mod-97
        // (they are 97 apart from 97, 98 and 02) but no bank ever issues them.
        if (iban[2..4] is "00" or "01" or "99")
        {
            return "De controlecijfers van dit IBAN kloppen niet; controleer het nummer.";
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

    /// <summary>The IBAN of a country and BBAN, with the check digits computed (ISO 13616: 98 - n mod 97).</summary>
    public static string Create(string country, string bban)
    {
        var check = 98 - Mod97(country + "00" + bban);
        return country + check.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + bban;
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
