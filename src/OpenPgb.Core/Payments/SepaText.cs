using System.Globalization;
using System.Text;

namespace OpenPgb.Core.Payments;

/// <summary>
/// Text for SEPA files: the SEPA Latin character set (letters, digits, space and / - ? : ( ) . , ' +).
/// Other characters are transliterated (é → e, ß → ss, ĳ → ij, &amp; → +), never silently dropped; what has no
/// transliteration becomes a space.
/// </summary>
public static class SepaText
{
    private const string Punctuation = "/-?:().,'+ ";

    private static readonly Dictionary<char, string> Special = new()
    {
        ['ß'] = "ss",
        ['ĳ'] = "ij",
        ['Ĳ'] = "IJ",
        ['æ'] = "ae",
        ['Æ'] = "AE",
        ['œ'] = "oe",
        ['Œ'] = "OE",
        ['ø'] = "o",
        ['Ø'] = "O",
        ['ł'] = "l",
        ['Ł'] = "L",
        ['đ'] = "d",
        ['Đ'] = "D",
        ['þ'] = "th",
        ['&'] = "+",
        ['‘'] = "'",
        ['’'] = "'",
        ['–'] = "-",
        ['—'] = "-",
        ['"'] = "'",
        ['_'] = "-",
    };

    public static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || Punctuation.Contains(c, StringComparison.Ordinal);

    /// <summary>The text in the SEPA set, trimmed, runs of spaces collapsed, cut to <paramref name="maxLength"/>.</summary>
    public static string Clean(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var replacement = IsAllowed(c) ? null : Special.GetValueOrDefault(c) ?? " ";
            if (replacement is null)
            {
                Append(builder, c);
            }
            else
            {
                foreach (var r in replacement)
                {
                    Append(builder, r);
                }
            }
        }

        var cleaned = builder.ToString().Trim();
        return cleaned.Length <= maxLength ? cleaned : cleaned[..maxLength].TrimEnd();
    }

    /// <summary>
    /// Why a name cannot be a SEPA name (Nm), in Dutch, or null: after transliteration it must keep at least one letter
    /// or digit. Names in another script (李明, Ζωή) would otherwise become an empty Nm the bank refuses.
    /// </summary>
    public static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) || !Clean(name, 70).Any(char.IsAsciiLetterOrDigit)
            ? "De naam moet in Latijnse letters te schrijven zijn: de bank kan alleen de letters A tot Z (ook met accenten), cijfers en enkele leestekens doorgeven. Schrijf de naam zoals die bij de bank bekend is."
            : null;

    /// <summary>Whether <paramref name="id"/> is a valid SEPA reference (MsgId, PmtInfId, EndToEndId).</summary>
    public static bool IsValidReference(string id) =>
        id.Length is >= 1 and <= 35
        && id.All(c => IsAllowed(c) && c != ' ')
        && !id.StartsWith('/') && !id.EndsWith('/')
        && !id.Contains("//", StringComparison.Ordinal);

    /// <summary>Euro cents as a SEPA amount: at least 0.01, '.' as separator, two decimals, integer arithmetic only.</summary>
    public static string Amount(long cents) =>
        cents > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{cents / 100}.{cents % 100:D2}")
            : throw new ArgumentOutOfRangeException(nameof(cents), cents, "A SEPA amount is at least 0.01.");

    private static void Append(StringBuilder builder, char c)
    {
        if (c == ' ' && (builder.Length == 0 || builder[^1] == ' '))
        {
            return;
        }

        builder.Append(c);
    }
}
