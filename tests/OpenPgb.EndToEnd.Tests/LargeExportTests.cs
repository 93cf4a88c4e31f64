using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using OpenPgb.Core.Conversion;
using OpenPgb.EndToEnd.Tests.Support;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.EndToEnd.Tests;

/// <summary>
/// Bad input at volume (issue 12): an export whose declaraties.csv is over 500 MB, sound except for one claim number
/// repeated on its last line. The CLI reads it as an operator would run it, streaming, with the cross-row checks on
/// the workspace instead of memory: it refuses with that one finding, its peak memory stays under the conversion's
/// 400 MB target, and nothing reaches the database.
/// </summary>
public sealed class LargeExportTests : IAsyncLifetime
{
    private const long TargetBytes = 500L * 1024 * 1024;
    private const double PeakMemoryLimitMb = 400;

    private readonly string _work = Directory.CreateTempSubdirectory("openpgb-large-export-").FullName;
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"openpgb-large-export-{Guid.NewGuid():N}.db");
    private Dictionary<string, string> _env = [];

    public async ValueTask InitializeAsync()
    {
        _env = new() { ["Database__Provider"] = "Sqlite", ["ConnectionStrings__OpenPgb"] = $"Data Source={_database}" };
        var (exit, output) = await Processes.RunCliAsync(_env, "db", "migrate");
        exit.ShouldBe(0, output);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_work, recursive: true);
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_database)!, Path.GetFileName(_database) + "*"))
        {
            File.Delete(file);
        }

        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A500MegabyteClaimsFile_IsStreamed_InBoundedMemory_AndItsOneDuplicateRefusesTheRun()
    {
        (await Processes.RunCliAsync(_env, "grantor", "add", "--code", Pgb1ExportFiles.Grantor, "--name", "Gemeente Amsterdam", "--kind", "municipality")).ExitCode.ShouldBe(0);
        var export = new Pgb1ExportFiles().Write();
        var (rows, duplicateLine) = await WriteLargeClaimsFileAsync(export);
        new FileInfo(Path.Combine(export, Pgb1ExportReader.ClaimsFile)).Length.ShouldBeGreaterThan(TargetBytes);

        var @out = Path.Combine(_work, "run");
        var (exit, output) = await Processes.RunCliAsync(_env, "conversion", "run", "--grantor", Pgb1ExportFiles.Grantor, "--export", export, "--out", @out, "--stats");

        exit.ShouldBe(1, output);
        TestContext.Current.TestOutputHelper?.WriteLine(output);
        var findings = (await File.ReadAllLinesAsync(Path.Combine(@out, ConversionReportWriter.FindingsFile))).Skip(1).ToList();
        findings.ShouldContain($"BLOKKEREND;{FindingKinds.DuplicateKey};{Pgb1ExportReader.ClaimsFile}:{duplicateLine};Deze declaratie staat er al op {Pgb1ExportReader.ClaimsFile}:7.");
        findings.Where(f => f.StartsWith("BLOKKEREND;", StringComparison.Ordinal) && !f.Contains(FindingKinds.BudgetMissing, StringComparison.Ordinal)).ShouldHaveSingleItem();
        output.ShouldContain($" {rows} claim(s)");
        var peak = double.Parse(output.Split('\n').Single(l => l.StartsWith("peak_rss_mb: ", StringComparison.Ordinal))["peak_rss_mb: ".Length..], CultureInfo.InvariantCulture);
        peak.ShouldBeLessThan(PeakMemoryLimitMb, $"a {new FileInfo(Path.Combine(export, Pgb1ExportReader.ClaimsFile)).Length / (1024 * 1024)} MB claims file is streamed, not held: {output}");

        await using var connection = new SqliteConnection($"Data Source={_database}");
        await connection.OpenAsync();
        foreach (var table in new[] { "Claims", "CareAgreements", "GrantorConversions", "CarriedOverPayments", "LedgerTransfers" })
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            ((long)(await count.ExecuteScalarAsync())!).ShouldBe(0, $"a refused run leaves no {table}");
        }

        Directory.Delete(export, recursive: true);
    }

    /// <summary>
    /// Replaces the hand-made export's claims file by its five claims and then submitted (IND) claims of OV-1 until the
    /// file passes 500 MB, the last one repeating the number of the first added; the manifest is made to match.
    /// </summary>
    private static async Task<(long Rows, long DuplicateLine)> WriteLargeClaimsFileAsync(string export)
    {
        var path = Path.Combine(export, Pgb1ExportReader.ClaimsFile);
        var original = await File.ReadAllLinesAsync(path);
        using var sha = SHA256.Create();
        long rows = 0, total = 0, written = 0;
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            void Line(string text, long cents)
            {
                var bytes = Encoding.UTF8.GetBytes(text + "\n");
                file.Write(bytes);
                sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
                written += bytes.Length;
                total += cents;
            }

            Line(original[0], 0);
            foreach (var row in original.Skip(1).Where(r => r.Length > 0))
            {
                Line(row, long.Parse(row.Split(';')[6], CultureInfo.InvariantCulture));
                rows++;
            }

            for (var i = 1; written <= TargetBytes; i++)
            {
                var month = new DateOnly(2026, 1 + (i % 3), 1);
                Line($"DECL-{i:D9};OV-1;02;{month:yyyy-MM-dd};{month.AddMonths(1).AddDays(-1):yyyy-MM-dd};1.5;7500;IND;FACTUUR-2026-{i:D9}-ZORG-THUIS-AMSTERDAM;{month.AddMonths(1):yyyy-MM-dd}", 7_500);
                rows++;
            }

            Line("DECL-000000001;OV-1;02;2026-03-01;2026-03-31;1.5;7500;IND;FACTUUR-DUBBEL;2026-04-01", 7_500);
            rows++;
            sha.TransformFinalBlock([], 0, 0);
        }

        var manifest = Path.Combine(export, Pgb1ExportReader.ManifestFile);
        var lines = (await File.ReadAllLinesAsync(manifest)).Where(l => l.Length > 0)
            .Select(l => l.StartsWith(Pgb1ExportReader.ClaimsFile + ";", StringComparison.Ordinal)
                ? $"{Pgb1ExportReader.ClaimsFile};{rows};{total};{Convert.ToHexStringLower(sha.Hash!)}"
                : l);
        await File.WriteAllTextAsync(manifest, string.Join("\n", lines) + "\n");
        return (rows, rows + 1);
    }
}
