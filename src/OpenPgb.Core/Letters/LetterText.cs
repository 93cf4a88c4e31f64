using System.Globalization;
using System.Text;

namespace OpenPgb.Core.Letters;

/// <summary>
/// Text that others control (a provider's own name) goes into a letter the grantor signs only as data: no control or
/// direction-changing characters (which can reorder what a reader sees), no line breaks that start a paragraph of its
/// own, no more than a name's length, and always quoted, so it can never pass for the grantor's words.
/// </summary>
public static class LetterText
{
    public const int MaximumNameLength = 70;

    public static string QuotedName(string? text) => $"“{Untrusted(text, MaximumNameLength)}”";

    public static string Untrusted(string? text, int maximumLength)
    {
        var builder = new StringBuilder();
        foreach (var c in (text ?? string.Empty).Normalize(NormalizationForm.FormC))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned || char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }

                continue;
            }

            builder.Append(c is '“' or '”' or '"' ? '\'' : c);
        }

        var cleaned = builder.ToString().Trim();
        return cleaned.Length <= maximumLength ? cleaned : string.Concat(cleaned.AsSpan(0, maximumLength - 1).TrimEnd(), "…");
    }
}
