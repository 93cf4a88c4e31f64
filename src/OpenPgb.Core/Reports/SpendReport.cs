using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Access;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grants;

namespace OpenPgb.Core.Reports;

/// <summary>Granted, committed (approved, not paid), paid and remaining, in cents.</summary>
public sealed record SpendFigures(long GrantedCents, long CommittedCents, long PaidCents)
{
    public static SpendFigures Zero { get; } = new(0, 0, 0);

    public long RemainingCents => GrantedCents - CommittedCents - PaidCents;

    public static SpendFigures operator +(SpendFigures left, SpendFigures right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.GrantedCents + right.GrantedCents, left.CommittedCents + right.CommittedCents, left.PaidCents + right.PaidCents);
    }

    public static SpendFigures Add(SpendFigures left, SpendFigures right) => left + right;
}

/// <summary>One care function (its budget code: 99 is the whole package) of a grantor in a period.</summary>
public sealed record CareFunctionSpend(string CareFunctionCode, string CareFunctionName, SpendFigures Figures);

/// <summary>One care-function budget of one grant (one budget holder) in a period.</summary>
public sealed record BudgetSpend(long GrantId, string BudgetKey, long BudgetHolderId, string HolderName, string CareFunctionCode, SpendFigures Figures);

/// <summary>A claim counted in a budget's committed or paid figure.</summary>
public sealed record SpendClaim(long ClaimId, DateOnly PeriodStart, DateOnly PeriodEnd, string ProviderNumber, string ProviderName, string InvoiceNumber, decimal Units, long AmountCents, ClaimStatus Status);

/// <summary>The spend of one grantor's budgets in one period, per care function.</summary>
public sealed record SpendReport(int GrantorId, string GrantorCode, string GrantorName, ReportPeriod Period, IReadOnlyList<CareFunctionSpend> CareFunctions)
{
    public SpendFigures Total => CareFunctions.Select(c => c.Figures).Aggregate(SpendFigures.Zero, SpendFigures.Add);
}

/// <summary>
/// Spend per care function, per budget and per claim, for grantor employees (their own grantor) and operators (any).
/// Committed and paid are what the ledger's budget accounts hold, attributed to the period by the care period of the
/// claims booked on them; granted is the budgets' share of the period's days (ADR 0016). For whole calendar years
/// the figures are the ledger balances the budget holders see on "Mijn budget", to the cent.
/// </summary>
public sealed class SpendReportService(OpenPgbDbContext db)
{
    public async Task<SpendReport> CareFunctionsAsync(int grantorId, ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var grantor = await VisibleGrantorAsync(grantorId, cancellationToken);
        var granted = (await GrantedAsync(grantorId, period, cancellationToken))
            .GroupBy(b => b.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(b => b.Cents), StringComparer.Ordinal);
        var booked = await BookedClaims(grantorId, period)
            .GroupBy(c => c.BudgetCode)
            .Select(g => new { Code = g.Key, Total = g.Sum(c => c.AmountCents), Committed = g.Sum(c => c.Committed ? c.AmountCents : 0) })
            .ToDictionaryAsync(g => g.Code, g => (g.Total, g.Committed), StringComparer.Ordinal, cancellationToken);
        var names = await NamesAsync(cancellationToken);
        var rows = granted.Keys.Union(booked.Keys)
            .Order(StringComparer.Ordinal)
            .Select(code =>
            {
                var claims = booked.GetValueOrDefault(code);
                return new CareFunctionSpend(code, names.GetValueOrDefault(code, code), new SpendFigures(granted.GetValueOrDefault(code), claims.Committed, claims.Total - claims.Committed));
            })
            .ToList();
        return new SpendReport(grantor.Id, grantor.Code, grantor.Name, period, rows);
    }

    /// <summary>The budgets of one care function (or all), one row per grant and budget code, ordered by holder.</summary>
    public async Task<IReadOnlyList<BudgetSpend>> BudgetsAsync(int grantorId, ReportPeriod period, string? careFunctionCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        await VisibleGrantorAsync(grantorId, cancellationToken);
        var granted = (await GrantedAsync(grantorId, period, cancellationToken))
            .Where(b => careFunctionCode is null || b.Code == careFunctionCode)
            .GroupBy(b => (b.GrantId, b.Code))
            .ToDictionary(g => g.Key, g => g.Sum(b => b.Cents));
        var claims = BookedClaims(grantorId, period);
        if (careFunctionCode is not null)
        {
            claims = claims.Where(c => c.BudgetCode == careFunctionCode);
        }

        var booked = (await claims
            .GroupBy(c => new { c.GrantId, c.BudgetCode })
            .Select(g => new { g.Key.GrantId, g.Key.BudgetCode, Total = g.Sum(c => c.AmountCents), Committed = g.Sum(c => c.Committed ? c.AmountCents : 0) })
            .ToListAsync(cancellationToken))
            .ToDictionary(g => (g.GrantId, g.BudgetCode), g => (g.Total, g.Committed));
        var grants = await db.Grants.AsNoTracking()
            .Where(g => g.GrantorId == grantorId)
            .Select(g => new { g.Id, g.BudgetKey, g.BudgetHolderId, g.BudgetHolder!.Name })
            .ToDictionaryAsync(g => g.Id, cancellationToken);
        return [.. granted.Keys.Union(booked.Keys)
            .Select(key =>
            {
                var grant = grants[key.GrantId];
                var (total, committed) = booked.GetValueOrDefault(key);
                return new BudgetSpend(key.GrantId, grant.BudgetKey, grant.BudgetHolderId, grant.Name.Display, key.Item2, new SpendFigures(granted.GetValueOrDefault(key), committed, total - committed));
            })
            .OrderBy(b => b.HolderName, StringComparer.CurrentCulture).ThenBy(b => b.BudgetKey, StringComparer.Ordinal).ThenBy(b => b.CareFunctionCode, StringComparer.Ordinal)];
    }

    /// <summary>The claims of one budget (grant and budget code) counted in the period, oldest care first.</summary>
    public async Task<IReadOnlyList<SpendClaim>> ClaimsAsync(int grantorId, ReportPeriod period, long grantId, string careFunctionCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        await VisibleGrantorAsync(grantorId, cancellationToken);
        var claims = await InPeriod(grantorId, period)
            .Where(c => c.GrantId == grantId && c.BudgetCode == careFunctionCode)
            .OrderBy(c => c.PeriodStart).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.PeriodStart,
                c.PeriodEnd,
                c.CareProviderId,
                c.InvoiceNumber,
                c.Units,
                c.AmountCents,
                c.Status,
                PaidByRun = db.PaymentItems.Any(i => i.ClaimId == c.Id && i.ReturnedAt == null),
            })
            .ToListAsync(cancellationToken);
        var providerIds = claims.Select(c => c.CareProviderId).Distinct().ToList();
        var providers = await db.CareProviders.AsNoTracking()
            .Where(p => providerIds.Contains(p.Id))
            .Select(p => new { p.Id, p.ProviderNumber, p.Name })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        return [.. claims.Select(c => new SpendClaim(
            c.Id, c.PeriodStart, c.PeriodEnd, providers[c.CareProviderId].ProviderNumber, providers[c.CareProviderId].Name, c.InvoiceNumber, c.Units, c.AmountCents, ClaimStates.Effective(c.Status, c.PaidByRun)))];
    }

    /// <summary>Operators see every grantor; an employee only the grantors of their scope; anyone else none.</summary>
    private async Task<Grantors.Grantor> VisibleGrantorAsync(int grantorId, CancellationToken cancellationToken)
    {
        var scope = db.Scope;
        var visible = scope.Kind == AccessScopeKind.System || (scope.Kind == AccessScopeKind.Grantor && scope.GrantorIds.Contains(grantorId));
        return (visible ? await db.Grantors.AsNoTracking().SingleOrDefaultAsync(g => g.Id == grantorId, cancellationToken) : null)
            ?? throw new NotVisibleException($"Grantor {grantorId} is not visible in this scope.");
    }

    // The claims whose care starts in the period, whatever their state.
    private IQueryable<Claim> InPeriod(int grantorId, ReportPeriod period) =>
        db.Claims.AsNoTracking().Where(c => c.GrantorId == grantorId && c.PeriodStart >= period.From && c.PeriodStart <= period.To);

    // The claims on the ledger's budget accounts (ADR 0015): committed while approved and not paid by a run, or
    // returned by the bank; paid when paid by a run or by the old system. Submitted and rejected claims are not booked.
    private IQueryable<BookedClaim> BookedClaims(int grantorId, ReportPeriod period) =>
        InPeriod(grantorId, period)
            .Where(c => c.Status == ClaimStatus.Approved || c.Status == ClaimStatus.Paid || c.Status == ClaimStatus.Returned)
            .Select(c => new BookedClaim
            {
                GrantId = c.GrantId,
                BudgetCode = c.BudgetCode,
                AmountCents = c.AmountCents,
                Committed = c.Status == ClaimStatus.Returned
                    || (c.Status == ClaimStatus.Approved && !db.PaymentItems.Any(i => i.ClaimId == c.Id && i.ReturnedAt == null)),
            });

    // The share of the period of each current care-function budget of the grantor, per grant and budget code.
    private async Task<List<(long GrantId, string Code, long Cents)>> GrantedAsync(int grantorId, ReportPeriod period, CancellationToken cancellationToken)
    {
        var budgets = await db.GrantVersions.AsNoTracking()
            .Where(v => v.IsCurrent && v.Grant!.GrantorId == grantorId)
            .SelectMany(v => v.CareFunctionBudgets.Where(b => b.StartDate <= period.To && b.EndDate >= period.From), (v, b) => new { v.GrantId, b.CareFunctionCode, b.StartDate, b.EndDate, b.AmountCents })
            .ToListAsync(cancellationToken);
        return [.. budgets.Select(b => (b.GrantId, b.CareFunctionCode, new CareFunctionBudget(b.CareFunctionCode, b.StartDate, b.EndDate, b.AmountCents, null).AmountWithin(period.From, period.To)))];
    }

    private async Task<Dictionary<string, string>> NamesAsync(CancellationToken cancellationToken) =>
        (await db.CareFunctions.AsNoTracking().Select(f => new { f.Code, f.Name, f.ValidFrom }).ToListAsync(cancellationToken))
            .GroupBy(f => f.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(f => f.ValidFrom)!.Name, StringComparer.Ordinal);

    private sealed class BookedClaim
    {
        public long GrantId { get; init; }

        public required string BudgetCode { get; init; }

        public long AmountCents { get; init; }

        public bool Committed { get; init; }
    }
}
