namespace OpenPgb.Core.Conversion;

/// <summary>The conversion's output files as CONVERSION.md gives them: UTF-8 without BOM, <c>;</c>, "\n", one header row.</summary>
internal static class ContractCsv
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
