using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Access;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grants;

namespace OpenPgb.Core.Ledger;

/// <summary>What one care-function budget has in one calendar year: granted, committed (approved, unpaid) and spent.</summary>
public sealed record BudgetPosition(string CareFunctionCode, int Year, long GrantedCents, long CommittedCents, long SpentCents)
{
    public long RemainingCents => GrantedCents - CommittedCents - SpentCents;
}

/// <summary>
/// Books claims in the ledger and reads budget positions from it. The portal's spent, committed and remaining figures
/// come from here, never from the claims table.
/// </summary>
public sealed class BudgetLedger(OpenPgbDbContext db)
{
    /// <summary>The care-function budget a claim spends: the whole package (99) when the grant has only that.</summary>
    public static string BudgetCodeFor(GrantVersion grant, string careFunctionCode) =>
        grant.IsWholePackage ? CareFunctionCodes.WholePackage : careFunctionCode;

    /// <summary>The granted amount of one care function in one calendar year: the parts of its budgets in that year.</summary>
    public static long GrantedIn(GrantVersion grant, string budgetCode, int year) =>
        grant.CareFunctionBudgets
            .Where(b => b.CareFunctionCode == budgetCode)
            .SelectMany(b => b.PerCalendarYear())
            .Where(p => p.Year == year)
            .Sum(p => p.AmountCents);

    /// <summary>Approval: the budget is committed and the agency owes the provider.</summary>
    public async Task BookApprovalAsync(Claim claim, string budgetCode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var committed = await AccountAsync(LedgerAccount.BudgetKey(LedgerAccountKind.BudgetCommitted, claim.GrantId, budgetCode, claim.BudgetYear), () => LedgerAccount.Budget(LedgerAccountKind.BudgetCommitted, claim.GrantorId, claim.GrantId, budgetCode, claim.BudgetYear), cancellationToken);
        var payable = await AccountAsync(LedgerAccount.PayableKey(claim.GrantorId, claim.CareProviderId), () => LedgerAccount.Payable(claim.GrantorId, claim.CareProviderId), cancellationToken);
        db.JournalEntries.Add(JournalEntry.ForClaim(JournalEntryKind.ClaimApproved, claim.Id, $"declaratie {claim.Id} goedgekeurd", now).Transfer(committed, payable, claim.AmountCents));
    }

    /// <summary>The positions of several grants (their current versions) in one query, keyed by grant id.</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<BudgetPosition>>> PositionsAsync(IReadOnlyCollection<GrantVersion> grants, CancellationToken cancellationToken)
    {
        var balances = await BalancesAsync([.. grants.Select(g => g.GrantId)], cancellationToken);
        return grants.ToDictionary(
            g => g.GrantId,
            IReadOnlyList<BudgetPosition> (g) => [.. g.CareFunctionBudgets
                .SelectMany(b => b.PerCalendarYear().Select(p => (Code: b.CareFunctionCode, p.Year)))
                .Concat(balances.Keys.Where(k => k.GrantId == g.GrantId).Select(k => (k.Code, k.Year)))
                .Distinct()
                .OrderBy(k => k.Code, StringComparer.Ordinal).ThenBy(k => k.Year)
                .Select(k =>
                {
                    var balance = balances.GetValueOrDefault((g.GrantId, k.Code, k.Year));
                    return new BudgetPosition(k.Code, k.Year, GrantedIn(g, k.Code, k.Year), balance.Committed, balance.Spent);
                })]);
    }

    public async Task<BudgetPosition> PositionAsync(GrantVersion grant, string budgetCode, int year, CancellationToken cancellationToken)
    {
        var balances = await BalancesAsync([grant.GrantId], cancellationToken);
        var balance = balances.GetValueOrDefault((grant.GrantId, budgetCode, year));
        return new BudgetPosition(budgetCode, year, GrantedIn(grant, budgetCode, year), balance.Committed, balance.Spent);
    }

    private async Task<Dictionary<(long GrantId, string Code, int Year), (long Committed, long Spent)>> BalancesAsync(IReadOnlyCollection<long> grantIds, CancellationToken cancellationToken)
    {
        // Past the scope filter: callers pass grants the actor works with (a provider checking a claim cannot see the
        // budget accounts themselves, only whether the claim fits).
        var accounts = await db.LedgerAccounts.Unfiltered(Because.BookkeepingOfVisibleGrant).AsNoTracking()
            .Where(a => a.GrantId != null && grantIds.Contains(a.GrantId.Value))
            .Select(a => new
            {
                a.GrantId,
                a.Kind,
                a.CareFunctionCode,
                a.Year,
                Debit = db.LedgerTransfers.Where(t => t.DebitAccountId == a.Id).Sum(t => (long?)t.AmountCents) ?? 0,
                Credit = db.LedgerTransfers.Where(t => t.CreditAccountId == a.Id).Sum(t => (long?)t.AmountCents) ?? 0,
            })
            .ToListAsync(cancellationToken);

        var result = new Dictionary<(long, string, int), (long Committed, long Spent)>();
        foreach (var a in accounts)
        {
            var key = (a.GrantId!.Value, a.CareFunctionCode!, a.Year!.Value);
            var current = result.GetValueOrDefault(key);
            var balance = a.Debit - a.Credit;
            result[key] = a.Kind == LedgerAccountKind.BudgetCommitted ? (current.Committed + balance, current.Spent) : (current.Committed, current.Spent + balance);
        }

        // Approvals booked in this unit of work but not saved yet count too (approve-all books many claims at once).
        var pending = db.ChangeTracker.Entries<JournalEntry>().Where(e => e.State == EntityState.Added).SelectMany(e => e.Entity.Transfers);
        foreach (var t in pending.Where(t => t.DebitAccount is { Kind: LedgerAccountKind.BudgetCommitted, GrantId: { } g } && grantIds.Contains(g)))
        {
            var key = (t.DebitAccount!.GrantId!.Value, t.DebitAccount.CareFunctionCode!, t.DebitAccount.Year!.Value);
            var current = result.GetValueOrDefault(key);
            result[key] = (current.Committed + t.AmountCents, current.Spent);
        }

        return result;
    }

    // Booking reaches accounts the actor cannot see (a citizen approving books on the provider's payable account).
    private async Task<LedgerAccount> AccountAsync(string key, Func<LedgerAccount> create, CancellationToken cancellationToken)
    {
        var account = db.LedgerAccounts.Local.FirstOrDefault(a => a.Key == key)
            ?? await db.LedgerAccounts.Unfiltered(Because.BookkeepingOfVisibleGrant).SingleOrDefaultAsync(a => a.Key == key, cancellationToken);
        if (account is null)
        {
            account = create();
            db.LedgerAccounts.Add(account);
        }

        return account;
    }
}
