using Microsoft.EntityFrameworkCore;

namespace OpenPgb.Core.Risk.Indicators;

/// <summary>IBAN_GEDEELD: one IBAN used by several care providers (the pilot's first predetermined indicator).</summary>
internal sealed class IbanSharedIndicator : IRiskIndicator
{
    public RiskIndicatorCode Code => RiskIndicatorCode.IbanShared;

    public async Task<IReadOnlyList<RiskFinding>> FindAsync(RiskScanContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var lowest = context.Lowest(t => t.SharedIbanProviders);
        var shared = (await db.CareProviders.AsNoTracking()
            .Where(p => p.Iban != string.Empty)
            .GroupBy(p => p.Iban)
            .Where(g => g.Count() >= lowest)
            .Select(g => g.Key)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        if (shared.Count == 0)
        {
            return [];
        }

        var providers = (await db.CareProviders.AsNoTracking()
            .Select(p => new { p.Id, p.ProviderNumber, p.Name, p.Iban })
            .Where(p => p.Iban != string.Empty)
            .ToListAsync(cancellationToken))
            .Where(p => shared.Contains(p.Iban))
            .ToList();
        var ids = providers.Select(p => p.Id).ToList();
        var grantorsOf = (await db.CareAgreements.AsNoTracking()
            .Where(a => ids.Contains(a.CareProviderId))
            .Select(a => new { a.CareProviderId, a.GrantorId })
            .Distinct()
            .ToListAsync(cancellationToken))
            .ToLookup(a => a.CareProviderId, a => a.GrantorId);

        var findings = new List<RiskFinding>();
        foreach (var group in providers.GroupBy(p => p.Iban, StringComparer.Ordinal))
        {
            var all = group.OrderBy(p => p.ProviderNumber, StringComparer.Ordinal).ToList();
            foreach (var grantorId in all.SelectMany(p => grantorsOf[p.Id]).Distinct())
            {
                if (all.Count < context.ThresholdsOf(grantorId).SharedIbanProviders)
                {
                    continue;
                }

                // Only the providers this grantor works with are its evidence; the others are a number.
                var own = all.Where(p => grantorsOf[p.Id].Contains(grantorId)).ToList();
                var others = all.Count - own.Count;
                var description = $"Rekeningnummer {RiskIndicators.MaskedIban(group.Key)} wordt gebruikt door {all.Count} zorgverleners: {string.Join(", ", own.Take(10).Select(p => $"{p.ProviderNumber} {p.Name}"))}{(own.Count > 10 ? $" en {own.Count - 10} meer van deze verstrekker" : string.Empty)}"
                    + (others > 0 ? $", en {others} zonder budgethouders bij deze verstrekker." : ".")
                    + $" Drempel: {context.ThresholdsOf(grantorId).SharedIbanProviders} zorgverleners.";
                findings.Add(new RiskFinding(
                    Code,
                    grantorId,
                    RiskSubjectKind.CareProvider,
                    own[0].Id,
                    own[0].ProviderNumber,
                    string.Empty,
                    description,
                    RiskIndicators.Evidence(own.Select(p => RiskFindingEvidence.Provider(p.Id, p.ProviderNumber, p.Name)))));
            }
        }

        return findings;
    }
}
