using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Common;

namespace OpenPgb.Core.Risk.Indicators;

/// <summary>
/// SNELLE_GROEI_ZORGVERLENER: a provider registered in the last <see cref="NewForDays"/> days that gained many budget
/// holders (over all grantors) within any <see cref="WindowDays"/> days. The evidence is every agreement of the
/// provider with the grantor's budget holders since it registered, so that it stays the same from scan to scan.
/// </summary>
internal sealed class RapidProviderGrowthIndicator : IRiskIndicator
{
    public const int NewForDays = 90;

    public const int WindowDays = 28;

    public RiskIndicatorCode Code => RiskIndicatorCode.RapidProviderGrowth;

    public async Task<IReadOnlyList<RiskFinding>> FindAsync(RiskScanContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var since = new DateTimeOffset(context.Today.AddDays(-NewForDays).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var providers = await db.CareProviders.AsNoTracking()
            .Where(p => p.RegisteredAt >= since)
            .Select(p => new { p.Id, p.ProviderNumber, p.Name, p.RegisteredAt })
            .ToListAsync(cancellationToken);
        if (providers.Count == 0)
        {
            return [];
        }

        var ids = providers.Select(p => p.Id).ToList();
        var agreements = await db.CareAgreements.AsNoTracking()
            .Where(a => ids.Contains(a.CareProviderId))
            .Select(a => new { a.Id, a.CareProviderId, a.GrantorId, a.BudgetHolderId, a.CreatedAt })
            .ToListAsync(cancellationToken);
        var findings = new List<RiskFinding>();
        foreach (var provider in providers)
        {
            var own = agreements.Where(a => a.CareProviderId == provider.Id).OrderBy(a => a.CreatedAt).ToList();

            // The most budget holders gained within any window of WindowDays days: a window sliding over the
            // agreements in the order they were made, counting each holder in it once.
            var most = 0;
            var inWindow = new Dictionary<long, int>();
            for (int first = 0, next = 0; first < own.Count; first++)
            {
                for (; next < own.Count && own[next].CreatedAt < own[first].CreatedAt.AddDays(WindowDays); next++)
                {
                    inWindow[own[next].BudgetHolderId] = inWindow.GetValueOrDefault(own[next].BudgetHolderId) + 1;
                }

                most = Math.Max(most, inWindow.Count);
                if (--inWindow[own[first].BudgetHolderId] == 0)
                {
                    inWindow.Remove(own[first].BudgetHolderId);
                }
            }

            foreach (var grantor in own.GroupBy(a => a.GrantorId))
            {
                var threshold = context.ThresholdsOf(grantor.Key).NewProviderHolders;
                if (most < threshold)
                {
                    continue;
                }

                var registered = DateOnly.FromDateTime(provider.RegisteredAt.ToAmsterdam().DateTime);
                findings.Add(new RiskFinding(
                    Code,
                    grantor.Key,
                    RiskSubjectKind.CareProvider,
                    provider.Id,
                    provider.ProviderNumber,
                    RiskIndicators.Invariant(registered),
                    $"Zorgverlener {provider.ProviderNumber} {provider.Name} is op {RiskIndicators.Day(registered)} geregistreerd en kreeg binnen {WindowDays} dagen {most} budgethouders (bij alle verstrekkers samen); drempel {threshold}. Bij deze verstrekker: {grantor.Select(a => a.BudgetHolderId).Distinct().Count()} budgethouder(s).",
                    RiskIndicators.Evidence(grantor.OrderBy(a => a.Id).Select(a => RiskFindingEvidence.Agreement(a.Id, $"zorgovereenkomst ZOK-{a.Id}, gemaakt op {RiskIndicators.Day(DateOnly.FromDateTime(a.CreatedAt.ToAmsterdam().DateTime))}")))));
            }
        }

        return findings;
    }
}
