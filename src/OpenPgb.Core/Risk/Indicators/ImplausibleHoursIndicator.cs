using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Claims;

namespace OpenPgb.Core.Risk.Indicators;

/// <summary>
/// UREN_ONWAARSCHIJNLIJK: a provider claiming more hours in one week, over all its budget holders together, than one
/// provider can plausibly give. A claim's hours are spread evenly over the days of its period; the scan looks at the
/// eight weeks up to the scan date.
/// </summary>
internal sealed class ImplausibleHoursIndicator : IRiskIndicator
{
    public const int Weeks = 8;

    public RiskIndicatorCode Code => RiskIndicatorCode.ImplausibleHours;

    public async Task<IReadOnlyList<RiskFinding>> FindAsync(RiskScanContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var firstMonday = MondayOf(context.Today).AddDays(-7 * (Weeks - 1));
        var lowest = context.Lowest(t => t.HoursPerWeek);

        // First pass, streamed: hours per provider and week, over every grantor.
        var hours = new Dictionary<(long Provider, DateOnly Week), decimal>();
        await foreach (var c in HourClaims(context, firstMonday).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            foreach (var (week, share) in PerWeek(c.PeriodStart, c.PeriodEnd, c.Units, firstMonday, context.Today))
            {
                hours[(c.CareProviderId, week)] = hours.GetValueOrDefault((c.CareProviderId, week)) + share;
            }
        }

        var flagged = hours.Where(h => h.Value > lowest).ToList();
        if (flagged.Count == 0)
        {
            return [];
        }

        // Second pass, only for the flagged providers: the claims, per grantor, as evidence.
        var providerIds = flagged.Select(f => f.Key.Provider).Distinct().ToList();
        var claims = await HourClaims(context, firstMonday).Where(c => providerIds.Contains(c.CareProviderId)).ToListAsync(cancellationToken);
        var numbers = await db.CareProviders.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.ProviderNumber, cancellationToken);

        // Each flagged provider's claims spread over the flagged weeks once, then per grantor.
        var flaggedWeeks = flagged.ToDictionary(f => f.Key, f => f.Value);
        var inWeeks = new Dictionary<(long Provider, DateOnly Week), List<(HourClaim Claim, decimal Hours)>>();
        foreach (var claim in claims)
        {
            foreach (var (week, share) in PerWeek(claim.PeriodStart, claim.PeriodEnd, claim.Units, firstMonday, context.Today))
            {
                if (share > 0 && flaggedWeeks.ContainsKey((claim.CareProviderId, week)))
                {
                    if (!inWeeks.TryGetValue((claim.CareProviderId, week), out var list))
                    {
                        inWeeks[(claim.CareProviderId, week)] = list = [];
                    }

                    list.Add((claim, share));
                }
            }
        }

        var findings = new List<RiskFinding>();
        foreach (var ((provider, week), inWeek) in inWeeks.OrderBy(w => w.Key))
        {
            var total = flaggedWeeks[(provider, week)];
            foreach (var grantor in inWeek.GroupBy(c => c.Claim.GrantorId))
            {
                var threshold = context.ThresholdsOf(grantor.Key).HoursPerWeek;
                if (total <= threshold)
                {
                    continue;
                }

                var own = grantor.Sum(c => c.Hours);
                var period = $"{ISOWeek.GetYear(week.ToDateTime(TimeOnly.MinValue)).ToString(CultureInfo.InvariantCulture)}-W{ISOWeek.GetWeekOfYear(week.ToDateTime(TimeOnly.MinValue)).ToString("00", CultureInfo.InvariantCulture)}";
                var holders = grantor.Select(c => c.Claim.BudgetHolderId).Distinct().ToList();
                findings.Add(new RiskFinding(
                    Code,
                    grantor.Key,
                    RiskSubjectKind.CareProvider,
                    provider,
                    numbers[provider],
                    period,
                    $"Zorgverlener {numbers[provider]} declareerde in week {period} (maandag {RiskIndicators.Day(week)}) in totaal {RiskIndicators.Number(total)} uur bij al zijn budgethouders samen; drempel {threshold} uur per week. Daarvan {RiskIndicators.Number(own)} uur in {grantor.Count()} declaratie(s) bij {holders.Count} budgethouder(s) van deze verstrekker.",
                    RiskIndicators.Evidence(grantor.OrderBy(c => c.Claim.Id).Select(c => RiskFindingEvidence.Claim(c.Claim.Id, $"declaratie {c.Claim.Id}, {c.Claim.PeriodStart:dd-MM-yyyy} t/m {c.Claim.PeriodEnd:dd-MM-yyyy}, {RiskIndicators.Number(c.Claim.Units)} uur, waarvan {RiskIndicators.Number(c.Hours)} in deze week", c.Claim.AmountCents))),
                    holders.Count == 1 ? holders[0] : null));
            }
        }

        return findings;
    }

    private static IQueryable<HourClaim> HourClaims(RiskScanContext context, DateOnly from) =>
        context.Db.Claims.AsNoTracking()
            .Where(c => c.Status != ClaimStatus.Rejected && c.Kind == ClaimKind.Care && c.PeriodEnd >= from && c.PeriodStart <= context.Today)
            .Join(
                context.Db.CareAgreementVersions.AsNoTracking().Where(v => v.TariffUnit == TariffUnit.Hour),
                c => c.CareAgreementVersionId,
                v => v.Id,
                (c, v) => new HourClaim { Id = c.Id, CareProviderId = c.CareProviderId, GrantorId = c.GrantorId, BudgetHolderId = c.BudgetHolderId, PeriodStart = c.PeriodStart, PeriodEnd = c.PeriodEnd, Units = c.Units, AmountCents = c.AmountCents });

    // The claim's hours spread evenly over its days, summed per week (Monday) between from and to.
    private static IEnumerable<(DateOnly Week, decimal Hours)> PerWeek(DateOnly start, DateOnly end, decimal units, DateOnly from, DateOnly to)
    {
        var days = end.DayNumber - start.DayNumber + 1;
        var perDay = units / days;
        var first = start > from ? start : from;
        var last = end < to ? end : to;
        for (var week = MondayOf(first); week <= last; week = week.AddDays(7))
        {
            var a = week > first ? week : first;
            var b = week.AddDays(6) < last ? week.AddDays(6) : last;
            yield return (week, perDay * (b.DayNumber - a.DayNumber + 1));
        }
    }

    private static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private sealed class HourClaim
    {
        public long Id { get; init; }

        public long CareProviderId { get; init; }

        public int GrantorId { get; init; }

        public long BudgetHolderId { get; init; }

        public DateOnly PeriodStart { get; init; }

        public DateOnly PeriodEnd { get; init; }

        public decimal Units { get; init; }

        public long AmountCents { get; init; }
    }
}
