using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Reports;

namespace OpenPgb.Core.Risk.Indicators;

/// <summary>
/// BESTEDING_BOVEN_PROGNOSE: a care-function budget of this calendar year on which more is booked (approved or paid)
/// than its approved agreements expected up to the scan date (fixed monthly amounts, expected units × tariff, pro rata
/// by days), by more than the grantor's percentage and at least <see cref="MinimumExcessCents"/>.
/// </summary>
internal sealed class SpendAboveForecastIndicator : IRiskIndicator
{
    public const long MinimumExcessCents = 10_000;

    public RiskIndicatorCode Code => RiskIndicatorCode.SpendAboveForecast;

    public async Task<IReadOnlyList<RiskFinding>> FindAsync(RiskScanContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var year = context.Today.Year;
        var yearStart = new DateOnly(year, 1, 1);
        var booked = await db.Claims.AsNoTracking()
            .Where(c => c.BudgetYear == year && (c.Status == ClaimStatus.Approved || c.Status == ClaimStatus.Paid || c.Status == ClaimStatus.Returned))
            .GroupBy(c => new { c.GrantId, c.GrantorId, c.BudgetHolderId, c.BudgetCode })
            .Select(g => new { g.Key.GrantId, g.Key.GrantorId, g.Key.BudgetHolderId, g.Key.BudgetCode, Cents = g.Sum(c => c.AmountCents) })
            .ToListAsync(cancellationToken);
        if (booked.Count == 0)
        {
            return [];
        }

        var agreements = await db.CareAgreements.AsNoTracking()
            .SelectMany(a => a.Versions.Where(v => v.Status == AgreementStatus.Approved || v.Status == AgreementStatus.Ended), (a, v) => new { a.GrantId, a.EndedOn, v.CareFunctionCodes, v.StartDate, v.EndDate, Monthly = v.FixedMonthlyCents ?? (v.ExpectedUnitsPerMonth * v.TariffCents) })
            .Where(a => a.StartDate <= context.Today && a.EndDate >= yearStart)
            .ToListAsync(cancellationToken);
        var wholePackage = (await db.GrantVersions.AsNoTracking()
            .Where(v => v.IsCurrent && v.CareFunctionBudgets.Any() && v.CareFunctionBudgets.All(b => b.CareFunctionCode == CareFunctionCodes.WholePackage))
            .Select(v => v.GrantId)
            .ToListAsync(cancellationToken)).ToHashSet();
        var keys = (await db.Grants.AsNoTracking().Select(g => new { g.Id, g.BudgetKey }).ToListAsync(cancellationToken)).ToDictionary(g => g.Id, g => g.BudgetKey);
        var byGrant = agreements.ToLookup(a => a.GrantId);
        var findings = new List<RiskFinding>();
        foreach (var budget in booked)
        {
            long expected = 0;
            foreach (var a in byGrant[budget.GrantId])
            {
                var codes = a.CareFunctionCodes.Count(c => (wholePackage.Contains(budget.GrantId) ? CareFunctionCodes.WholePackage : c) == budget.BudgetCode);
                var to = new[] { a.EndDate, a.EndedOn ?? DateOnly.MaxValue, context.Today }.Min();
                var from = a.StartDate > yearStart ? a.StartDate : yearStart;
                if (codes > 0 && from <= to)
                {
                    expected += ExpectedSpend.Between(a.Monthly * codes / a.CareFunctionCodes.Count, from, to);
                }
            }

            var percent = context.ThresholdsOf(budget.GrantorId).AboveForecastPercent;
            if (expected <= 0 || budget.Cents * 100 <= expected * (100 + percent) || budget.Cents - expected < MinimumExcessCents)
            {
                continue;
            }

            var claims = await db.Claims.AsNoTracking()
                .Where(c => c.GrantId == budget.GrantId && c.BudgetCode == budget.BudgetCode && c.BudgetYear == year && (c.Status == ClaimStatus.Approved || c.Status == ClaimStatus.Paid || c.Status == ClaimStatus.Returned))
                .OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.PeriodStart, c.AmountCents })
                .ToListAsync(cancellationToken);
            findings.Add(new RiskFinding(
                Code,
                budget.GrantorId,
                RiskSubjectKind.Budget,
                budget.GrantId,
                $"{keys[budget.GrantId]}/{budget.BudgetCode}",
                year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"Op budget {keys[budget.GrantId]}, zorgfunctie {budget.BudgetCode}, is in {year} {RiskIndicators.Euros(budget.Cents)} goedgekeurd of betaald; de goedgekeurde zorgovereenkomsten verwachtten tot {RiskIndicators.Day(context.Today)} {RiskIndicators.Euros(expected)}. Dat is {(budget.Cents - expected) * 100 / expected}% meer; drempel {percent}%.",
                RiskIndicators.Evidence(claims.Select(c => RiskFindingEvidence.Claim(c.Id, $"declaratie {c.Id}, zorg vanaf {RiskIndicators.Day(c.PeriodStart)}", c.AmountCents))),
                budget.BudgetHolderId));
        }

        return findings;
    }
}
