using OpenPgb.Core.Letters;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Letters;

/// <summary>A letter is a tagged PDF (PDF/UA): Dutch, its title shown, heading and paragraphs in reading order.</summary>
public sealed class LetterRendererTests
{
    [Fact]
    public async Task Letter_IsATaggedPdfInDutch_WithHeadingAndParagraphsInOrder()
    {
        var pdf = LetterRenderer.Render(new LetterContent(
            "Gemeente Amsterdam",
            new DateOnly(2026, 12, 3),
            "ZOK-7-1",
            "Goedkeuring zorgovereenkomst",
            "Geachte heer/mevrouw,",
            ["Wij hebben uw zorgovereenkomst goedgekeurd.", "Tarief: € 40,00 per uur."],
            [new LetterRecipient("J. van Jansen", ["Dorpsstraat 1", "1011 AB Amsterdam"])]));

        var info = await PdfText.InfoAsync(pdf);
        info.ShouldContain("Tagged:");
        info.ShouldMatch(@"Tagged:\s+yes");
        info.ShouldMatch(@"Title:\s+Goedkeuring zorgovereenkomst");
        var structure = await PdfText.InfoAsync(pdf, "-struct-text");
        structure.ShouldContain("H1");
        structure.ShouldContain("Gemeente Amsterdam");
        structure.IndexOf("Wij hebben uw zorgovereenkomst goedgekeurd.", StringComparison.Ordinal)
            .ShouldBeLessThan(structure.IndexOf("Tarief", StringComparison.Ordinal));
        System.Text.Encoding.Latin1.GetString(pdf).ShouldMatch(@"/Lang\s*\(nl-NL\)");
    }
}
