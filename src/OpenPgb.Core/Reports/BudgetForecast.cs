using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ledger;

namespace OpenPgb.Core.Reports;

public enum ForecastOutcome
{
    /// <summary>Used and expected spend stay within the budget, and use at least half of it.</summary>
    OnTrack,

    /// <summary>At this pace the budget runs out before its period ends.</summary>
    RunsOut,

    /// <summary>At this pace more than half of the budget is left at the end of its period.</summary>
    LargelyUnused,
}

/// <summary>
/// The projection of one care-function budget in one calendar year: what is used (the ledger: committed and paid),
/// what is still expected (claims waiting for the budget holder, and the approved agreements' months not yet claimed),
/// and, when the two together exceed the budget, the day it runs out (ADR 0016).
/// </summary>
public sealed record BudgetForecast(
    long GrantId,
    string BudgetKey,
    long BudgetHolderId,
    string HolderName,
    string CareFunctionCode,
    string CareFunctionName,
    int Year,
    DateOnly PeriodEnd,
    long GrantedCents,
    long UsedCents,
    long ExpectedCents,
    DateOnly? RunsOutOn)
{
    /// <summary>Left at the end of the period is at least this share of the budget: "largely unused".</summary>
    public const int LargelyUnusedPercent = 50;

    public long ProjectedCents => UsedCents + ExpectedCents;

    public long LeftOverCents => GrantedCents - ProjectedCents;

    public ForecastOutcome Outcome =>
        RunsOutOn is not null ? ForecastOutcome.RunsOut
        : GrantedCents > 0 && LeftOverCents * 100 >= GrantedCents * LargelyUnusedPercent ? ForecastOutcome.LargelyUnused
        : ForecastOutcome.OnTrack;

    /// <summary>The plain-language line for the budget holder: "Bij dit tempo is het budget voor begeleiding op 14 oktober op."</summary>
    public string Sentence
    {
        get
        {
            var what = $"het budget voor {CareFunctionName.ToLower(DutchCulture.Instance)}";
            return RunsOutOn is { } day
                ? $"Bij dit tempo is {what} op {day.ToString("d MMMM", DutchCulture.Instance)} op."
                : $"Bij dit tempo houdt u van {what} op {PeriodEnd.ToString("d MMMM", DutchCulture.Instance)} ongeveer {Money.FormatEuro(LeftOverCents)} over.";
        }
    }
}

/// <summary>Projects the care-function budgets of the current calendar year, for a budget holder or a grantor.</summary>
public sealed class BudgetForecastService(OpenPgbDbContext db, BudgetLedger ledger, TimeProvider time)
{
    /// <summary>The forecasts of the given grants (their current versions) for this calendar year.</summary>
    public async Task<IReadOnlyList<BudgetForecast>> ForGrantsAsync(IReadOnlyCollection<long> grantIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grantIds);
        return grantIds.Count == 0 ? [] : await ForecastAsync(db.Grants.Where(g => grantIds.Contains(g.Id)), cancellationToken);
    }

    /// <summary>Every budget of a grantor this calendar year that runs out or stays largely unused, soonest first.</summary>
    public async Task<IReadOnlyList<BudgetForecast>> NeedingAttentionAsync(int grantorId, CancellationToken cancellationToken)
    {
        var forecasts = await ForecastAsync(db.Grants.Where(g => g.GrantorId == grantorId), cancellationToken);
        return [.. forecasts
            .Where(f => f.Outcome != ForecastOutcome.OnTrack)
            .OrderBy(f => f.Outcome)
            .ThenBy(f => f.RunsOutOn ?? DateOnly.MaxValue)
            .ThenByDescending(f => f.LeftOverCents)
            .ThenBy(f => f.BudgetKey, StringComparer.Ordinal)];
    }

    private async Task<IReadOnlyList<BudgetForecast>> ForecastAsync(IQueryable<Grant> grants, CancellationToken cancellationToken)
    {
        var today = time.Today();
        var year = today.Year;
        var thisMonth = new DateOnly(year, today.Month, 1);
        var loaded = await grants.AsNoTracking()
            .Select(g => new { g.Id, g.BudgetKey, g.BudgetHolderId, g.BudgetHolder!.Name })
            .ToListAsync(cancellationToken);
        var versions = await db.GrantVersions.AsNoTracking().Include(v => v.CareFunctionBudgets)
            .Where(v => v.IsCurrent && grants.Any(g => g.Id == v.GrantId))
            .ToListAsync(cancellationToken);
        var positions = await ledger.PositionsAsync(versions, cancellationToken);
        var agreements = await db.CareAgreements.AsNoTracking()
            .Where(a => grants.Any(g => g.Id == a.GrantId) && (a.EndedOn == null || a.EndedOn >= thisMonth))
            .SelectMany(a => a.Versions.Where(v => v.Status == AgreementStatus.Approved || v.Status == AgreementStatus.Ended), (a, v) => new Agreement(a.Id, a.GrantId, a.EndedOn, v.CareFunctionCodes, v.StartDate, v.EndDate, v.FixedMonthlyCents ?? (v.ExpectedUnitsPerMonth * v.TariffCents)))
            .ToListAsync(cancellationToken);
        var claimed = (await db.Claims.AsNoTracking()
            .Where(c => grants.Any(g => g.Id == c.GrantId) && c.Status != ClaimStatus.Rejected && c.PeriodStart >= thisMonth)
            .Select(c => new { c.CareAgreementId, c.PeriodStart })
            .ToListAsync(cancellationToken))
            .Select(c => (c.CareAgreementId, Month: new DateOnly(c.PeriodStart.Year, c.PeriodStart.Month, 1)))
            .ToHashSet();
        var waiting = (await db.Claims.AsNoTracking()
            .Where(c => grants.Any(g => g.Id == c.GrantId) && c.Status == ClaimStatus.Submitted && c.BudgetYear == year)
            .GroupBy(c => new { c.GrantId, c.BudgetCode })
            .Select(g => new { g.Key.GrantId, g.Key.BudgetCode, Cents = g.Sum(c => c.AmountCents) })
            .ToListAsync(cancellationToken))
            .ToDictionary(w => (w.GrantId, w.BudgetCode), w => w.Cents);
        var names = await db.CareFunctions.AsNoTracking().Select(f => new { f.Code, f.Name, f.ValidFrom }).ToListAsync(cancellationToken);
        var nameOf = names.GroupBy(f => f.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(f => f.ValidFrom)!.Name, StringComparer.Ordinal);
        var byGrant = agreements.ToLookup(a => a.GrantId);

        var forecasts = new List<BudgetForecast>();
        foreach (var grant in loaded)
        {
            if (versions.SingleOrDefault(v => v.GrantId == grant.Id) is not { } version)
            {
                continue;
            }

            foreach (var code in version.CareFunctionBudgets.Select(b => b.CareFunctionCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var parts = version.CareFunctionBudgets.Where(b => b.CareFunctionCode == code).SelectMany(b => b.PerCalendarYear()).Where(p => p.Year == year).ToList();
                if (parts.Count == 0)
                {
                    continue;
                }

                var end = parts.Max(p => p.To);
                var granted = parts.Sum(p => p.AmountCents);
                var position = positions[grant.Id].SingleOrDefault(p => p.CareFunctionCode == code && p.Year == year);
                var used = (position?.CommittedCents ?? 0) + (position?.SpentCents ?? 0);
                var pending = waiting.GetValueOrDefault((grant.Id, code));
                var months = ExpectedPerMonth(byGrant[grant.Id], version, code, thisMonth, end, claimed);
                var runsOut = RunsOutOn(granted, used + pending, months, today, end);
                forecasts.Add(new BudgetForecast(grant.Id, grant.BudgetKey, grant.BudgetHolderId, grant.Name.Display, code, nameOf.GetValueOrDefault(code, code), year, end, granted, used, pending + months.Sum(m => m.Cents), runsOut));
            }
        }

        return forecasts;
    }

    // What the approved agreements on this budget are still expected to cost per month, from this month to the end of
    // the budget: their fixed monthly amount or expected units × tariff, for the months not claimed yet, pro rata by
    // days for a month they cover in part. An agreement for several care functions is shared evenly between them.
    private static List<(DateOnly Month, int Days, long Cents)> ExpectedPerMonth(IEnumerable<Agreement> agreements, GrantVersion version, string code, DateOnly thisMonth, DateOnly end, HashSet<(long, DateOnly)> claimed)
    {
        var months = new List<(DateOnly Month, int Days, long Cents)>();
        for (var month = thisMonth; month <= end; month = month.AddMonths(1))
        {
            var last = Min(month.AddMonths(1).AddDays(-1), end);
            long cents = 0;
            foreach (var agreement in agreements)
            {
                var codes = agreement.CareFunctionCodes.Where(c => BudgetLedger.BudgetCodeFor(version, c) == code).ToList();
                var from = Max(month, agreement.StartDate);
                var to = Min(last, Min(agreement.EndDate, agreement.EndedOn ?? DateOnly.MaxValue));
                if (codes.Count == 0 || to < from || claimed.Contains((agreement.Id, month)))
                {
                    continue;
                }

                var share = agreement.MonthlyCents * codes.Count / agreement.CareFunctionCodes.Count;
                cents += ExpectedSpend.Between(share, from, to);
            }

            months.Add((month, last.DayNumber - month.DayNumber + 1, cents));
        }

        return months;
    }

    // The day the used and expected spend pass the budget, spreading each month's expected spend evenly over its days.
    private static DateOnly? RunsOutOn(long granted, long alreadyUsed, List<(DateOnly Month, int Days, long Cents)> months, DateOnly today, DateOnly end)
    {
        if (alreadyUsed > granted)
        {
            return today;
        }

        var running = alreadyUsed;
        foreach (var (month, days, cents) in months)
        {
            if (running + cents > granted)
            {
                var day = month.AddDays((int)((granted - running) * days / cents));
                return Max(day, today) <= end ? Max(day, today) : null;
            }

            running += cents;
        }

        return null;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private sealed record Agreement(long Id, long GrantId, DateOnly? EndedOn, List<string> CareFunctionCodes, DateOnly StartDate, DateOnly EndDate, long MonthlyCents);
}

/// <summary>How the forecast reads in a list for staff.</summary>
public static class ForecastTexts
{
    public static string OutcomeText(BudgetForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        return forecast.Outcome switch
        {
            ForecastOutcome.RunsOut => $"Op rond {forecast.RunsOutOn!.Value.ToString("d MMMM yyyy", DutchCulture.Instance)}",
            ForecastOutcome.LargelyUnused => $"Ruim over: {Money.FormatEuro(forecast.LeftOverCents)} ({(forecast.LeftOverCents * 100 / forecast.GrantedCents).ToString(CultureInfo.InvariantCulture)}%)",
            _ => "Binnen budget",
        };
    }
}
