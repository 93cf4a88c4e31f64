using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Claims;

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
        var claims = await db.Claims.AsNoTracking()
            .Where(c => grantorIds.Contains(c.GrantorId) && c.BudgetYear == year && c.Kind == ClaimKind.Care && c.Status != ClaimStatus.Rejected)
            .Join(db.CareAgreementVersions.AsNoTracking(), c => c.CareAgreementVersionId, v => v.Id, (c, v) => new { c.Id, c.GrantorId, c.CareProviderId, c.BudgetHolderId, c.CareFunctionCode, v.TariffUnit, c.TariffCents, c.PeriodStart, c.AmountCents })
            .ToListAsync(cancellationToken);
        var numbers = await db.CareProviders.AsNoTracking().Select(p => new { p.Id, p.ProviderNumber }).ToDictionaryAsync(p => p.Id, p => p.ProviderNumber, cancellationToken);
        var findings = new List<RiskFinding>();
        foreach (var group in claims.GroupBy(c => (c.GrantorId, c.CareProviderId)))
        {
            var total = group.Count();
            var atMaximum = group.Where(c => maxima[(c.GrantorId, c.CareFunctionCode, c.TariffUnit)]
                .Where(m => m.ValidFrom <= c.PeriodStart && (m.ValidUntil == null || m.ValidUntil >= c.PeriodStart))
                .OrderByDescending(m => m.ValidFrom)
                .FirstOrDefault() is { } maximum && c.TariffCents >= maximum.MaximumCents).ToList();
            var percent = context.ThresholdsOf(group.Key.GrantorId).MaximumTariffPercent;
            if (total < MinimumClaims || atMaximum.Count * 100 < total * percent)
            {
                continue;
            }

            var provider = numbers[group.Key.CareProviderId];
            var holders = atMaximum.Select(c => c.BudgetHolderId).Distinct().ToList();
            findings.Add(new RiskFinding(
                Code,
                group.Key.GrantorId,
                RiskSubjectKind.CareProvider,
                group.Key.CareProviderId,
                provider,
                year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"Van de {total} declaraties van zorgverlener {provider} in {year} bij deze verstrekker hebben er {atMaximum.Count} ({atMaximum.Count * 100 / total}%) het maximumtarief; drempel {percent}% van minstens {MinimumClaims} declaraties.",
                [.. atMaximum.OrderBy(c => c.Id).Select(c => RiskFindingEvidence.Claim(c.Id, $"declaratie {c.Id}, zorgfunctie {c.CareFunctionCode}, tarief {RiskIndicators.Euros(c.TariffCents)}", c.AmountCents))],
                holders.Count == 1 ? holders[0] : null));
        }

        return findings;
    }
}
