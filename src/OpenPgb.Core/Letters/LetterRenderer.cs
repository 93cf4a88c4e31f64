using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using PdfSharp.UniversalAccessibility;

namespace OpenPgb.Core.Letters;

/// <summary>One addressee of a letter: the budget holder or a representative who receives correspondence.</summary>
public sealed record LetterRecipient(string Name, IReadOnlyList<string> AddressLines);

/// <summary>What a letter says; rendered once per recipient into one PDF.</summary>
public sealed record LetterContent(
    string GrantorName,
    DateOnly Date,
    string Reference,
    string Subject,
    string Salutation,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<LetterRecipient> Recipients);

/// <summary>
/// Renders letters as PDF with PDFsharp (MIT). Fonts are DejaVu Sans from the operating system (Debian package
/// fonts-dejavu-core), embedded as subsets so the text can be extracted and read aloud. The PDF is tagged for
/// accessibility (PDF/UA with PDFsharp's UAManager): language Dutch, the title shown, and a structure of heading and
/// paragraphs in reading order, so a screen reader reads the letter as a letter.
/// </summary>
public static class LetterRenderer
{
    private const double Margin = 70;
    private static readonly Lock FontGate = new();

    public static byte[] Render(LetterContent content)
    {
        EnsureFonts();
        using var document = new PdfDocument();
        document.Info.Title = content.Subject;
        document.Info.Author = content.GrantorName;
        document.Info.CreationDate = content.Date.ToDateTime(TimeOnly.MinValue);
        document.ViewerPreferences.DisplayDocTitle = true;
        var accessibility = UAManager.ForDocument(document);
        accessibility.SetDocumentLanguage("nl-NL");
        foreach (var recipient in content.Recipients)
        {
            RenderPage(document.AddPage(), content, recipient, accessibility.StructureBuilder);
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>One PDF of many letters, for the print street.</summary>
    public static byte[] Merge(IEnumerable<byte[]> pdfs)
    {
        EnsureFonts();
        using var batch = new PdfDocument();
        foreach (var pdf in pdfs)
        {
            using var source = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
            foreach (var page in source.Pages)
            {
                batch.AddPage(page);
            }
        }

        using var stream = new MemoryStream();
        batch.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void RenderPage(PdfPage page, LetterContent content, LetterRecipient recipient, StructureBuilder structure)
    {
        page.Size = PdfSharp.PageSize.A4;
        using var gfx = XGraphics.FromPdfPage(page);
        var regular = new XFont(DejaVuFontResolver.Family, 10.5, XFontStyleEx.Regular);
        var bold = new XFont(DejaVuFontResolver.Family, 10.5, XFontStyleEx.Bold);
        var heading = new XFont(DejaVuFontResolver.Family, 16, XFontStyleEx.Bold);
        var width = page.Width.Point - (2 * Margin);
        var y = Margin;

        // Every piece of text is its own structure element, in reading order.
        void Text(PdfBlockLevelElementTag tag, string text, XFont font)
        {
            structure.BeginElement(tag);
            gfx.DrawString(text, font, XBrushes.Black, new XPoint(Margin, y));
            structure.End();
        }

        structure.BeginElement(PdfGroupingElementTag.Part);
        Text(PdfBlockLevelElementTag.Heading1, content.GrantorName, heading);
        y += 50;
        foreach (var line in new[] { recipient.Name }.Concat(recipient.AddressLines))
        {
            Text(PdfBlockLevelElementTag.Paragraph, line, regular);
            y += 14;
        }

        y += 30;
        Text(PdfBlockLevelElementTag.Paragraph, $"Datum: {content.Date.ToString("d MMMM yyyy", Common.DutchCulture.Instance)}", regular);
        y += 14;
        Text(PdfBlockLevelElementTag.Paragraph, $"Kenmerk: {content.Reference}", regular);
        y += 14;
        Text(PdfBlockLevelElementTag.Heading2, $"Onderwerp: {content.Subject}", bold);
        y += 34;
        Text(PdfBlockLevelElementTag.Paragraph, content.Salutation, regular);
        y += 10;

        var formatter = new XTextFormatter(gfx);
        foreach (var paragraph in content.Paragraphs)
        {
            var height = EstimateHeight(gfx, paragraph, regular, width);
            structure.BeginElement(PdfBlockLevelElementTag.Paragraph);
            formatter.DrawString(paragraph, regular, XBrushes.Black, new XRect(Margin, y, width, height), XStringFormats.TopLeft);
            structure.End();
            y += height + 8;
        }

        y += 16;
        Text(PdfBlockLevelElementTag.Paragraph, "Met vriendelijke groet,", regular);
        y += 14;
        Text(PdfBlockLevelElementTag.Paragraph, content.GrantorName, regular);
        structure.End();
    }

    // XTextFormatter clips to its rectangle, so reserve enough lines for the wrapped paragraph.
    private static double EstimateHeight(XGraphics gfx, string text, XFont font, double width)
    {
        var lineHeight = font.GetHeight();
        var lines = 0;
        foreach (var hardLine in text.Split('\n'))
        {
            var current = 0.0;
            lines++;
            foreach (var word in hardLine.Split(' '))
            {
                var wordWidth = gfx.MeasureString(word + " ", font).Width;
                if (current + wordWidth > width && current > 0)
                {
                    lines++;
                    current = 0;
                }

                current += wordWidth;
            }
        }

        return (lines + 1) * lineHeight;
    }

    private static void EnsureFonts()
    {
        lock (FontGate)
        {
            // PDFsharp allows the resolver to be set once per process, before the first font is used.
            if (GlobalFontSettings.FontResolver is not DejaVuFontResolver)
            {
                GlobalFontSettings.FontResolver = new DejaVuFontResolver(LetterOptions.FontDirectory);
            }
        }
    }
}

/// <summary>Where the letter fonts live; Debian's fonts-dejavu-core by default.</summary>
public static class LetterOptions
{
    public static string FontDirectory { get; } = Environment.GetEnvironmentVariable("OPENPGB_FONT_DIR") ?? "/usr/share/fonts/truetype/dejavu";
}

internal sealed class DejaVuFontResolver(string directory) : IFontResolver
{
    public const string Family = "DejaVu Sans";

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[] GetFont(string faceName)
    {
        var path = Path.Combine(directory, faceName + ".ttf");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Letter font {path} is missing; install the Debian package fonts-dejavu-core or set OPENPGB_FONT_DIR.", path);
        }

        return File.ReadAllBytes(path);
    }
}
