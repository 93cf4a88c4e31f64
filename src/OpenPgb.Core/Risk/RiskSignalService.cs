using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Access;
using OpenPgb.Core.Audit;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Payments;
using OpenPgb.Core.WorkTasks;

namespace OpenPgb.Core.Risk;

/// <summary>One row of the signal list.</summary>
public sealed record RiskSignalRow(long Id, RiskIndicatorCode Indicator, int GrantorId, string GrantorCode, string Subject, string Period, RiskSignalStatus Status, DateTimeOffset DetectedAt, int EvidenceCount);

/// <summary>
/// Risk signals as staff see them: a grantor employee those of their grantor (the query filters), an operator all.
/// Opening a signal is logged in the access log, for each budget holder in its evidence. Deciding is the grantor
/// employee's: no risk (with a reason), investigate, or block payments in one step with the existing payment block.
/// </summary>
public sealed class RiskSignalService(OpenPgbDbContext db, PaymentBlockService blocks, AccessLog accessLog, TimeProvider time)
{
    public async Task<IReadOnlyList<RiskSignalRow>> ListAsync(RiskSignalStatus? status, CancellationToken cancellationToken)
    {
        var signals = db.RiskSignals.AsNoTracking();
        if (status is { } wanted)
        {
            signals = signals.Where(s => s.Status == wanted);
        }

        var rows = await signals
            .OrderBy(s => s.Status).ThenByDescending(s => s.DetectedAt).ThenByDescending(s => s.Id)
            .Take(500)
            .Select(s => new { s.Id, s.Indicator, s.GrantorId, s.Subject, s.Period, s.Status, s.DetectedAt, Evidence = s.Evidence.Count })
            .ToListAsync(cancellationToken);
        var codes = await db.Grantors.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Code, cancellationToken);
        return [.. rows.Select(s => new RiskSignalRow(s.Id, s.Indicator, s.GrantorId, codes[s.GrantorId], s.Subject, s.Period, s.Status, s.DetectedAt, s.Evidence))];
    }

    /// <summary>A signal with its evidence and decisions, or null when it is not in the viewer's scope; the view is logged.</summary>
    public async Task<RiskSignal?> OpenAsync(Actor viewer, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var signal = await db.RiskSignals.AsNoTracking().Include(s => s.Evidence).Include(s => s.Decisions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (signal is null)
        {
            return null;
        }

        var detail = $"risicosignaal {signal.Id} ({RiskIndicators.CodeOf(signal.Indicator)}, {signal.Subject})";
        var holders = await HoldersOfAsync(signal, cancellationToken);
        if (holders.Count == 0)
        {
            await accessLog.ReadAndSaveAsync(viewer, "risicosignaal bekeken", detail, cancellationToken);
        }
        else
        {
            await accessLog.ReadAndSaveAsync(viewer, holders, "risicosignaal bekeken", detail, cancellationToken);
        }

        return signal;
    }

    /// <summary>
    /// The employee's decision. A block sets the existing payment block on the signal's subject (the provider, the
    /// agreement, or the budget holder of the budget) and records the decision in the same transaction.
    /// </summary>
    public async Task DecideAsync(Actor actor, long id, RiskDecisionKind kind, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var grantorId = Rights.RequireEmployee(actor, "decides on risk signals");
        var signal = await db.RiskSignals.SingleOrDefaultAsync(s => s.Id == id && s.GrantorId == grantorId, cancellationToken)
            ?? throw new NotVisibleException($"Risk signal {id} is not this grantor's.");
        var text = reason?.Trim() ?? string.Empty;
        if (kind != RiskDecisionKind.Investigate && text.Length == 0)
        {
            throw new BusinessRuleException("RedenVanBesluit", kind == RiskDecisionKind.NoRisk ? "Geef aan waarom dit signaal geen risico is." : "Geef de reden van de blokkade.");
        }

        if (signal.IsDecided)
        {
            throw new BusinessRuleException("SignaalAlBesloten", "Over dit signaal is al besloten.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            long? blockId = null;
            if (kind == RiskDecisionKind.Block)
            {
                var (subject, subjectId) = await BlockSubjectAsync(signal, cancellationToken);
                blockId = await blocks.BlockAsync(actor, subject, subjectId, $"Risicosignaal {signal.Id}: {text}", time.Today(), null, cancellationToken);
            }

            signal.Decide(kind, text.Length == 0 ? "Nader onderzoek" : text, actor.UserId, actor.Name, blockId, time.GetUtcNow());
            if (kind != RiskDecisionKind.Investigate)
            {
                foreach (var task in await db.WorkTasks.Where(t => t.Type == WorkTaskType.RiskSignal && t.SubjectKind == WorkTaskSubject.RiskSignal && t.SubjectId == signal.Id && t.Status == WorkTaskStatus.Open).ToListAsync(cancellationToken))
                {
                    task.Complete(actor.Name, time.GetUtcNow());
                }
            }

            accessLog.Changed(actor, signal.BudgetHolderId, "besluit over risicosignaal", $"risicosignaal {signal.Id}: {kind}{(blockId is { } b ? $", blokkade {b}" : string.Empty)}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception failed)
        {
            // Nothing of a failed decision may be saved later by this unit of work (the page goes on to log a read).
            db.ChangeTracker.Clear();
            if (failed is DbUpdateConcurrencyException)
            {
                throw new BusinessRuleException("SignaalAlBesloten", "Over dit signaal is intussen door iemand anders besloten. Bekijk het signaal opnieuw.");
            }

            throw;
        }
    }

    private async Task<(PaymentBlockSubject Subject, long Id)> BlockSubjectAsync(RiskSignal signal, CancellationToken cancellationToken) => signal.SubjectKind switch
    {
        RiskSubjectKind.CareProvider => (PaymentBlockSubject.CareProvider, signal.SubjectId),
        RiskSubjectKind.CareAgreement => (PaymentBlockSubject.CareAgreement, signal.SubjectId),
        RiskSubjectKind.Budget => (PaymentBlockSubject.BudgetHolder, await db.Grants.Where(g => g.Id == signal.SubjectId).Select(g => g.BudgetHolderId).SingleAsync(cancellationToken)),
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal.SubjectKind, "Unknown subject."),
    };

    // The budget holders whose data the evidence shows: of its claims and agreements (within the viewer's scope).
    private async Task<List<long>> HoldersOfAsync(RiskSignal signal, CancellationToken cancellationToken)
    {
        var claimIds = signal.Evidence.Where(e => e.Kind == RiskEvidenceKind.Claim).Select(e => e.RefId).ToList();
        var agreementIds = signal.Evidence.Where(e => e.Kind == RiskEvidenceKind.CareAgreement).Select(e => e.RefId).ToList();
        var holders = new List<long>();
        if (claimIds.Count > 0)
        {
            holders.AddRange(await db.Claims.Where(c => claimIds.Contains(c.Id)).Select(c => c.BudgetHolderId).Distinct().ToListAsync(cancellationToken));
        }

        if (agreementIds.Count > 0)
        {
            holders.AddRange(await db.CareAgreements.Where(a => agreementIds.Contains(a.Id)).Select(a => a.BudgetHolderId).Distinct().ToListAsync(cancellationToken));
        }

        if (signal.BudgetHolderId is { } holder)
        {
            holders.Add(holder);
        }

        return [.. holders.Distinct()];
    }
}
