using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ledger;

namespace OpenPgb.Core.BudgetClosing;

public enum RetourOutcome
{
    Recorded,
    UnknownMessage,
    AlreadyAnswered,
    WrongSender,
}

/// <summary>
/// Produces 507s from the ledger and keeps the outbox: a 507 per care-function budget 14 weeks after its period ends,
/// when what was paid exceeds it, and per closed calendar year for budgets that cross the year. Each (budget, period,
/// reason) is produced once, however often the job runs.
/// </summary>
public sealed class BudgetClosingService(OpenPgbDbContext db, BudgetLedger ledger, TimeProvider time)
{
    public const int WeeksAfterPeriod = 14;
    private const int Chunk = 500;

    public async Task<int> ProduceDueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var produced = 0;
        long after = 0;
        while (true)
        {
            var grants = await db.Grants.AsNoTracking()
                .Include(g => g.Grantor)
                .WithHolderAndCurrentVersion()
                .Where(g => g.Id > after)
                .OrderBy(g => g.Id)
                .Take(Chunk)
                .ToListAsync(cancellationToken);
            if (grants.Count == 0)
            {
                return produced;
            }

            after = grants[^1].Id;
            produced += await ProduceForAsync([.. grants.Where(g => g.CurrentVersion is not null)], today, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<BudgetClosingMessage>> PendingAsync(int grantorId, CancellationToken cancellationToken) =>
        await db.BudgetClosingMessages.AsNoTracking()
            .Where(m => m.GrantorId == grantorId && m.RetourReceivedAt == null)
            .OrderBy(m => m.Id)
            .Take(1000)
            .ToListAsync(cancellationToken);

    /// <summary>One 507 of the grantor, marked as fetched; null when it is not theirs or does not exist.</summary>
    public async Task<BudgetClosingMessage?> FetchAsync(int grantorId, string identification, CancellationToken cancellationToken)
    {
        var message = await db.BudgetClosingMessages.SingleOrDefaultAsync(m => m.GrantorId == grantorId && m.Identification == identification, cancellationToken);
        if (message is not null)
        {
            message.MarkFetched(time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return message;
    }

    /// <summary>Records a grantor's 508. The sender must be the grantor the 507 went to.</summary>
    public async Task<RetourOutcome> ReceiveRetourAsync(string authenticatedGrantorCode, byte[] content, CancellationToken cancellationToken)
    {
        var (sender, identification, codes) = Message507.ReadRetour(content);
        if (!string.Equals(sender, authenticatedGrantorCode, StringComparison.Ordinal))
        {
            return RetourOutcome.WrongSender;
        }

        var message = await db.BudgetClosingMessages.SingleOrDefaultAsync(
            m => m.Identification == identification && db.Grantors.Any(g => g.Id == m.GrantorId && g.Code == sender), cancellationToken);
        if (message is null)
        {
            return RetourOutcome.UnknownMessage;
        }

        if (message.RetourReceivedAt is not null)
        {
            return RetourOutcome.AlreadyAnswered;
        }

        message.ReceiveRetour(codes, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return RetourOutcome.Recorded;
    }

    private async Task<int> ProduceForAsync(IReadOnlyList<Grant> grants, DateOnly today, CancellationToken cancellationToken)
    {
        var ids = grants.Select(g => g.Id).ToList();
        var positions = await ledger.PositionsAsync([.. grants.Select(g => g.CurrentVersion!)], cancellationToken);
        var existing = (await db.BudgetClosingMessages.AsNoTracking().Where(m => ids.Contains(m.GrantId))
                .Select(m => new { m.GrantId, m.CareFunctionCode, m.PeriodStart, m.PeriodEnd, m.Reason })
                .ToListAsync(cancellationToken))
            .Select(k => (k.GrantId, k.CareFunctionCode, k.PeriodStart, k.PeriodEnd, k.Reason))
            .ToHashSet();
        var now = time.GetUtcNow();
        var created = new List<(BudgetClosingMessage Message, Grant Grant)>();
        foreach (var grant in grants)
        {
            foreach (var due in Due(grant.CurrentVersion!, positions[grant.Id], today))
            {
                if (existing.Add((grant.Id, due.Code, due.From, due.To, due.Reason)))
                {
                    var message = BudgetClosingMessage.Create(grant.GrantorId, grant.Id, grant.BudgetHolderId, due.Code, due.From, due.To, due.Reason, due.Granted, due.Spent, due.Committed, today, now);
                    created.Add((message, grant));
                }
            }
        }

        if (created.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.BudgetClosingMessages.AddRange(created.Select(c => c.Message));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (message, grant) in created)
        {
            message.Seal(Message507.Write(message, grant.Grantor!.Code, grant.BudgetHolder!.Bsn, grant.BudgetKey));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return created.Count;
    }

    private static IEnumerable<(string Code, DateOnly From, DateOnly To, ClosingReason Reason, long Granted, long Spent, long Committed)> Due(
        GrantVersion version, IReadOnlyList<BudgetPosition> positions, DateOnly today)
    {
        foreach (var budget in version.CareFunctionBudgets)
        {
            var years = positions.Where(p => p.CareFunctionCode == budget.CareFunctionCode && p.Year >= budget.StartDate.Year && p.Year <= budget.EndDate.Year).ToList();
            var spent = years.Sum(p => p.SpentCents);
            var committed = years.Sum(p => p.CommittedCents);
            if (budget.CrossesYearBoundary)
            {
                foreach (var part in budget.PerCalendarYear().Where(p => p.To < budget.EndDate && p.To < today))
                {
                    var year = years.SingleOrDefault(p => p.Year == part.Year);
                    yield return (budget.CareFunctionCode, part.From, part.To, ClosingReason.YearClosed, part.AmountCents, year?.SpentCents ?? 0, year?.CommittedCents ?? 0);
                }
            }

            if (budget.EndDate.AddDays(7 * WeeksAfterPeriod) <= today)
            {
                yield return (budget.CareFunctionCode, budget.StartDate, budget.EndDate, ClosingReason.PeriodEnded, budget.AmountCents, spent, committed);
            }

            if (spent > budget.AmountCents)
            {
                yield return (budget.CareFunctionCode, budget.StartDate, budget.EndDate, ClosingReason.Overspent, budget.AmountCents, spent, committed);
            }
        }
    }
}
