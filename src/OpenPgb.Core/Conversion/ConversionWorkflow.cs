using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Conversion;

/// <summary>
/// The steps of a grantor's conversion as the CLI and the operator's pages take them: compare, trial and run, each
/// writing the contract's files to an output directory, then keeping a record of the step with its report files and
/// moving the grantor forward on its tranche (when it has one). One path for both, so the board shows what the CLI did.
/// </summary>
public sealed class ConversionWorkflow(OpenPgbDbContext db, ConversionComparer comparer, ConversionService conversions, TimeProvider time)
{
    public const string DifferencesFile = "differences.csv";
    public const string DifferencesWorkbookFile = "differences.xlsx";

    /// <summary>Compare with the 501 files in <paramref name="grantsDirectory"/>, or with those received over the conversion channel.</summary>
    public async Task<CompareResult> CompareAsync(string grantorCode, string exportDirectory, string? grantsDirectory, string outDirectory, string by, CancellationToken cancellationToken)
    {
        var result = grantsDirectory is null
            ? await comparer.CompareAsync(grantorCode, exportDirectory, cancellationToken)
            : await comparer.CompareWithFilesAsync(grantorCode, exportDirectory, grantsDirectory, cancellationToken);
        Directory.CreateDirectory(outDirectory);
        string outcome;
        if (result.IsUnusable)
        {
            await using var findings = File.Create(Path.Combine(outDirectory, ConversionReportWriter.FindingsFile));
            await FindingsCsv.WriteAsync(findings, result.Findings, cancellationToken);
            outcome = CompareOutcomes.Unusable;
        }
        else
        {
            await using (var csv = File.Create(Path.Combine(outDirectory, DifferencesFile)))
            {
                await DifferencesCsv.WriteAsync(csv, result.Differences, cancellationToken);
            }

            await using (var xlsx = File.Create(Path.Combine(outDirectory, DifferencesWorkbookFile)))
            {
                await DifferencesWorkbook.WriteAsync(xlsx, result.Differences, cancellationToken);
            }

            outcome = result.Differences.Count == 0 ? CompareOutcomes.NoDifferences : CompareOutcomes.Differences;
        }

        var blocking = result.Findings.Count(f => f.Severity == FindingSeverity.Blocking);
        var counts = new StepCounts(result.Differences.Count, blocking, result.Findings.Count - blocking, 0, 0);
        await RecordAsync(grantorCode, ConversionStepKind.Compare, outcome, counts, by, outDirectory, DifferencesWorkbookFile, (member, now) =>
        {
            if (!result.IsUnusable)
            {
                member.RecordCompared(now);
            }
        }, cancellationToken);
        return result;
    }

    public Task<ConversionReport> TrialAsync(string grantorCode, string exportDirectory, string outDirectory, string by, CancellationToken cancellationToken) =>
        ConvertAsync(grantorCode, exportDirectory, outDirectory, by, trial: true, cancellationToken);

    public Task<ConversionReport> RunAsync(string grantorCode, string exportDirectory, string outDirectory, string by, CancellationToken cancellationToken) =>
        ConvertAsync(grantorCode, exportDirectory, outDirectory, by, trial: false, cancellationToken);

    private async Task<ConversionReport> ConvertAsync(string grantorCode, string exportDirectory, string outDirectory, string by, bool trial, CancellationToken cancellationToken)
    {
        var report = trial
            ? await conversions.TrialAsync(grantorCode, exportDirectory, by, cancellationToken)
            : await conversions.RunAsync(grantorCode, exportDirectory, by, cancellationToken);
        await ConversionReportWriter.WriteAsync(outDirectory, report, cancellationToken);
        var s = report.Summary;
        var counts = new StepCounts(0, s.BlockingFindings, s.Warnings, s.BudgetHolders, s.Claims);
        await RecordAsync(grantorCode, trial ? ConversionStepKind.Trial : ConversionStepKind.Run, s.Status, counts, by, outDirectory, ConversionReportWriter.WorkbookFile, (member, now) =>
        {
            if (s.Status == ConversionStatuses.Trial)
            {
                member.RecordTrialPassed(now);
            }
            else if (s.Status is ConversionStatuses.Converted or ConversionStatuses.AlreadyConverted)
            {
                member.RecordConverted(now);
            }
        }, cancellationToken);
        return report;
    }

    private async Task RecordAsync(
        string grantorCode,
        ConversionStepKind kind,
        string outcome,
        StepCounts counts,
        string by,
        string outDirectory,
        string workbookFile,
        Action<TrancheGrantor, DateTimeOffset> advance,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var grantorId = await db.Grantors.Where(g => g.Code == grantorCode).Select(g => g.Id).SingleAsync(cancellationToken);
        var workbookPath = Path.Combine(outDirectory, workbookFile);
        var workbook = File.Exists(workbookPath) ? await File.ReadAllBytesAsync(workbookPath, cancellationToken) : [];
        db.ConversionSteps.Add(new ConversionStepRecord(grantorId, kind, outcome, counts, by, now, workbook, await ZipAsync(outDirectory, cancellationToken)));
        if (await db.TrancheGrantors.SingleOrDefaultAsync(t => t.GrantorId == grantorId && t.State != TrancheGrantorState.Postponed, cancellationToken) is { } member)
        {
            advance(member, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The files the step wrote (the top level of the output directory), as one zip for download.</summary>
    private static async Task<byte[]> ZipAsync(string directory, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
            {
                var entry = zip.CreateEntry(Path.GetFileName(file), CompressionLevel.Optimal);
                await using var target = entry.Open();
                await using var source = File.OpenRead(file);
                await source.CopyToAsync(target, cancellationToken);
            }
        }

        return buffer.ToArray();
    }
}
