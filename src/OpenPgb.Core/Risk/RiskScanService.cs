using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Access;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Payments;
using OpenPgb.Core.WorkTasks;

namespace OpenPgb.Core.Risk;

/// <summary>What one scan did: findings, and what became of them.</summary>
public sealed record RiskScanResult(DateOnly Date, int Findings, int Raised, int Updated, int Unchanged, int Skipped, IReadOnlyList<long> SignalIds);

/// <summary>
/// The risk scan: runs every indicator over the whole database (system scope) and turns each finding into a signal
/// with a "risicosignaal" work task, or recognises it: the same evidence (of an open or a decided signal) changes
/// nothing, new evidence updates a signal nobody decided on yet and raises a new one after a decision (ADR 0017).
/// One scan at a time (a job lease); each signal is saved on its own, so one that fails does not stop the others.
/// </summary>
public sealed class RiskScanService(OpenPgbDbContext db, IEnumerable<IRiskIndicator> indicators, WorkTaskService tasks, DatabaseSettings database, TimeProvider time)
{
    public const string LeaseName = "risk-scan";

    public const int TaskDays = 10;

    /// <summary>Runs the scan for the given date; null when another scan is running.</summary>
    public async Task<RiskScanResult?> RunAsync(DateOnly date, CancellationToken cancellationToken)
    {
        await using var lease = await JobLease.TryAcquireAsync(database, LeaseName, cancellationToken);
        if (lease is null)
        {
            return null;
        }

        var thresholds = (await db.ProcessChoices.Unfiltered(Because.SystemProcess).AsNoTracking().Where(c => !c.AwaitingConfirmation).ToListAsync(cancellationToken))
            .GroupBy(c => c.GrantorId)
            .ToDictionary(g => g.Key, g => ProcessChoices.From(g.GroupBy(c => c.Kind).Select(k => k.MaxBy(c => c.Id)!)).Risk);
        var context = new RiskScanContext(db, date, thresholds);
        var findings = new List<RiskFinding>();
        foreach (var indicator in indicators.OrderBy(i => i.Code))
        {
            findings.AddRange(await indicator.FindAsync(context, cancellationToken));
        }

        // One finding per signal key: the first an indicator gives.
        findings = [.. findings.DistinctBy(f => (f.Indicator, f.GrantorId, f.SubjectKind, f.SubjectId, f.Subject, f.Period))];

        var known = (await db.RiskSignals.Unfiltered(Because.SystemProcess).AsNoTracking()
            .Select(s => new Known(s.Id, s.Indicator, s.GrantorId, s.SubjectKind, s.SubjectId, s.Subject, s.Period, s.EvidenceHash, s.Status))
            .ToListAsync(cancellationToken))
            .ToLookup(k => (k.Indicator, k.GrantorId, k.SubjectKind, k.SubjectId, k.Subject, k.Period));
        int raised = 0, updated = 0, unchanged = 0, skipped = 0;
        var ids = new List<long>();
        var fresh = new List<RiskFinding>();
        foreach (var finding in findings)
        {
            var hash = HashOf(finding);
            var same = known[(finding.Indicator, finding.GrantorId, finding.SubjectKind, finding.SubjectId, finding.Subject, finding.Period)].OrderByDescending(k => k.Id).ToList();
            if (same.FirstOrDefault(k => k.EvidenceHash == hash) is { } recognised)
            {
                ids.Add(recognised.Id);
                unchanged++;
            }
            else if (same.FirstOrDefault(k => k.Status is RiskSignalStatus.Open or RiskSignalStatus.Investigating) is { } undecided)
            {
                try
                {
                    var signal = await db.RiskSignals.Unfiltered(Because.SystemProcess).Include(s => s.Evidence).SingleAsync(s => s.Id == undecided.Id, cancellationToken);
                    signal.Update(finding, hash, time.GetUtcNow());
                    await db.SaveChangesAsync(cancellationToken);
                    ids.Add(signal.Id);
                    updated++;
                }
                catch (DbUpdateException)
                {
                    // Decided by someone else meanwhile: the next scan sees it as it is now.
                    db.ChangeTracker.Clear();
                    skipped++;
                }
            }
            else
            {
                fresh.Add(finding);
            }
        }

        // New signals in batches (a first scan of a large database finds many); a batch that fails is raised one by
        // one, so one signal that cannot be stored does not hold back the others.
        foreach (var batch in fresh.Chunk(BatchSize))
        {
            try
            {
                ids.AddRange(await RaiseAsync(batch, cancellationToken));
                raised += batch.Length;
            }
            catch (DbUpdateException) when (batch.Length > 1)
            {
                db.ChangeTracker.Clear();
                foreach (var single in batch)
                {
                    try
                    {
                        ids.AddRange(await RaiseAsync([single], cancellationToken));
                        raised++;
                    }
                    catch (DbUpdateException)
                    {
                        db.ChangeTracker.Clear();
                        skipped++;
                    }
                }
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                skipped++;
            }

            db.ChangeTracker.Clear();
        }

        return new RiskScanResult(date, findings.Count, raised, updated, unchanged, skipped, ids);
    }

    public const int BatchSize = 200;

    // New signals and their work tasks, in one transaction: both or neither.
    private async Task<IEnumerable<long>> RaiseAsync(IReadOnlyList<RiskFinding> batch, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var signals = batch.Select(f => new RiskSignal(f, HashOf(f), time.GetUtcNow())).ToList();
        db.RiskSignals.AddRange(signals);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (signal, finding) in signals.Zip(batch))
        {
            tasks.Create(finding.GrantorId, WorkTaskType.RiskSignal, WorkTaskSubject.RiskSignal, signal.Id, finding.BudgetHolderId, $"{RiskIndicators.NameOf(finding.Indicator)}: {finding.Subject}", TaskDays);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return signals.Select(s => s.Id);
    }

    /// <summary>The evidence's fingerprint: the description (its figures) and the sorted references.</summary>
    internal static string HashOf(RiskFinding finding) =>
        Sha256Hex.Of(Encoding.UTF8.GetBytes(finding.Description + "\n" + string.Join("\n", finding.Evidence.Select(e => $"{e.Kind}:{e.RefId}").Order(StringComparer.Ordinal))));

    private sealed record Known(long Id, RiskIndicatorCode Indicator, int GrantorId, RiskSubjectKind SubjectKind, long SubjectId, string Subject, string Period, string EvidenceHash, RiskSignalStatus Status);
}
