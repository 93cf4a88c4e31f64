namespace OpenPgb.Core.Common;

/// <summary>
/// The CSV files we write (the conversion's, as CONVERSION.md gives them; the reports'; the risk signals'): UTF-8 without
/// BOM, <c>;</c>, "\n", one header row. Callers write only fields that hold no <c>;</c> or line break.
/// </summary>
internal static class SemicolonCsv
{
    public static async Task WriteAsync(Stream stream, string header, IEnumerable<string[]> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        await writer.WriteLineAsync(header.AsMemory(), cancellationToken);
        foreach (var row in rows)
        {
            await writer.WriteLineAsync(string.Join(';', row).AsMemory(), cancellationToken);
        }
    }
}
