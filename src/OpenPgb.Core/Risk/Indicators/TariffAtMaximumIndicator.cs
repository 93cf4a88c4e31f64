using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Grantors;

namespace OpenPgb.Core.Risk.Indicators;

/// <summary>
/// TARIEF_OP_MAXIMUM: a provider whose claims on a grantor's budgets this calendar year are at that grantor's maximum
/// tariff (for the care function and unit, in force on the first day of the care) for at least the grantor's
/// percentage of them, over at least <see cref="MinimumClaims"/> claims.
/// </summary>
internal sealed class TariffAtMaximumIndicator : IRiskIndicator
{
    public const int MinimumClaims = 10;

    public RiskIndicatorCode Code => RiskIndicatorCode.TariffAtMaximum;

    public async Task<IReadOnlyList<RiskFinding>> FindAsync(RiskScanContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var maxima = (await db.MaximumTariffs.AsNoTracking().ToListAsync(cancellationToken))
            .ToLookup(m => (m.GrantorId, m.CareFunctionCode, m.TariffUnit));
        if (maxima.Count == 0)
        {
            return [];
        }

        var grantorIds = maxima.Select(m => m.Key.GrantorId).Distinct().ToList();
        var year = context.Today.Year;
        var numbers = await db.CareProviders.AsNoTracking().Select(p => new { p.Id, p.ProviderNumber }).ToDictionaryAsync(p => p.Id, p => p.ProviderNumber, cancellationToken);

        // First pass, streamed: per grantor and provider, how many claims, and how many at the maximum.
        var counts = new Dictionary<(int GrantorId, long ProviderId), (int Total, int AtMaximum)>();
        await foreach (var c in Claims(context, grantorIds, year).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var key = (c.GrantorId, c.CareProviderId);
            var (total, atMaximum) = counts.GetValueOrDefault(key);
            counts[key] = (total + 1, atMaximum + (IsAtMaximum(maxima, c) ? 1 : 0));
        }

        var findings = new List<RiskFinding>();
        foreach (var ((grantorId, providerId), (total, atMaximumCount)) in counts.OrderBy(c => c.Key))
        {
            var percent = context.ThresholdsOf(grantorId).MaximumTariffPercent;
            if (total < MinimumClaims || atMaximumCount * 100 < total * percent)
            {
                continue;
            }

            // Second pass, for a flagged provider only: its claims at the maximum, as evidence.
            var atMaximum = (await Claims(context, [grantorId], year).Where(c => c.CareProviderId == providerId).ToListAsync(cancellationToken))
                .Where(c => IsAtMaximum(maxima, c)).OrderBy(c => c.Id).ToList();
            var provider = numbers[providerId];
            var holders = atMaximum.Select(c => c.BudgetHolderId).Distinct().ToList();
            findings.Add(new RiskFinding(
                Code,
                grantorId,
                RiskSubjectKind.CareProvider,
                providerId,
                provider,
                year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"Van de {total} declaraties van zorgverlener {provider} in {year} bij deze verstrekker hebben er {atMaximum.Count} ({atMaximum.Count * 100 / total}%) het maximumtarief; drempel {percent}% van minstens {MinimumClaims} declaraties.",
                RiskIndicators.Evidence(atMaximum.Select(c => RiskFindingEvidence.Claim(c.Id, $"declaratie {c.Id}, zorgfunctie {c.CareFunctionCode}, tarief {RiskIndicators.Euros(c.TariffCents)}", c.AmountCents))),
                holders.Count == 1 ? holders[0] : null));
        }

        return findings;
    }

    private static IQueryable<TariffClaim> Claims(RiskScanContext context, IReadOnlyCollection<int> grantorIds, int year) =>
        context.Db.Claims.AsNoTracking()
            .Where(c => grantorIds.Contains(c.GrantorId) && c.BudgetYear == year && c.Kind == ClaimKind.Care && c.Status != ClaimStatus.Rejected)
            .Join(
                context.Db.CareAgreementVersions.AsNoTracking(),
                c => c.CareAgreementVersionId,
                v => v.Id,
                (c, v) => new TariffClaim { Id = c.Id, GrantorId = c.GrantorId, CareProviderId = c.CareProviderId, BudgetHolderId = c.BudgetHolderId, CareFunctionCode = c.CareFunctionCode, TariffUnit = v.TariffUnit, TariffCents = c.TariffCents, PeriodStart = c.PeriodStart, AmountCents = c.AmountCents });

    // At (or above) the grantor's maximum for the care function and unit in force on the first day of the care.
    private static bool IsAtMaximum(ILookup<(int, string, TariffUnit), MaximumTariff> maxima, TariffClaim c) =>
        maxima[(c.GrantorId, c.CareFunctionCode, c.TariffUnit)]
            .Where(m => m.ValidFrom <= c.PeriodStart && (m.ValidUntil == null || m.ValidUntil >= c.PeriodStart))
            .OrderByDescending(m => m.ValidFrom)
            .FirstOrDefault() is { } maximum && c.TariffCents >= maximum.MaximumCents;

    private sealed class TariffClaim
    {
        public long Id { get; init; }

        public int GrantorId { get; init; }

        public long CareProviderId { get; init; }

        public long BudgetHolderId { get; init; }

        public required string CareFunctionCode { get; init; }

        public TariffUnit TariffUnit { get; init; }

        public long TariffCents { get; init; }

        public DateOnly PeriodStart { get; init; }

        public long AmountCents { get; init; }
    }
}
