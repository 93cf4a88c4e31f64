using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.CareProviders;

namespace OpenPgb.Core.Risk.Indicators;

/// <summary>
/// VERTEGENWOORDIGER_IS_ZORGVERLENER: a representative of a budget (in its current grant version) who is also the
/// provider of an active care agreement on it, or who is a provider with the same IBAN as that agreement's provider.
/// A representative is a provider when a user of that provider has the representative's BSN, or when the provider is
/// a natural person with the representative's name (initials and surname). BSNs are compared here and appear nowhere
/// in the signal.
/// </summary>
internal sealed class RepresentativeIsProviderIndicator : IRiskIndicator
{
    public RiskIndicatorCode Code => RiskIndicatorCode.RepresentativeIsProvider;

    public async Task<IReadOnlyList<RiskFinding>> FindAsync(RiskScanContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var providers = await db.CareProviders.AsNoTracking().Select(p => new Provider(p.Id, p.ProviderNumber, p.Name, p.Iban, p.Kind)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var byName = providers.Values.Where(p => p.Kind == CareProviderKind.Person).ToLookup(p => NameKey(p.Name), StringComparer.Ordinal);
        var byBsn = (await db.Users.AsNoTracking()
            .Where(u => u.CareProviderId != null && u.Bsn != null)
            .Select(u => new { Bsn = u.Bsn!, ProviderId = u.CareProviderId!.Value })
            .ToListAsync(cancellationToken))
            .ToLookup(u => u.Bsn, u => providers[u.ProviderId], StringComparer.Ordinal);
        var agreements = (await db.CareAgreements.AsNoTracking()
            .Where(a => a.EndedOn == null && a.Versions.Any(v => v.Status == AgreementStatus.Approved || v.Status == AgreementStatus.AwaitingAssessment || v.Status == AgreementStatus.AwaitingConfirmation))
            .Select(a => new { a.Id, a.GrantId, a.GrantorId, a.BudgetHolderId, a.CareProviderId })
            .ToListAsync(cancellationToken))
            .ToLookup(a => a.GrantId);
        var findings = new List<RiskFinding>();
        await foreach (var representative in db.GrantVersions.AsNoTracking()
            .Where(v => v.IsCurrent)
            .SelectMany(v => v.Representatives, (v, r) => new { v.GrantId, r.Bsn, r.Name })
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken))
        {
            var name = representative.Name.Display;
            var asProvider = byBsn[representative.Bsn].Concat(byName[NameKey(name)]).Distinct().ToList();
            if (asProvider.Count == 0)
            {
                continue;
            }

            foreach (var agreement in agreements[representative.GrantId])
            {
                var provider = providers[agreement.CareProviderId];
                var how = asProvider.Any(p => p.Id == provider.Id)
                    ? $"is zelf de zorgverlener ({provider.ProviderNumber} {provider.Name})"
                    : asProvider.FirstOrDefault(p => p.Iban.Length > 0 && p.Iban == provider.Iban) is { } other
                        ? $"is zorgverlener {other.ProviderNumber} {other.Name}, met hetzelfde rekeningnummer ({RiskIndicators.MaskedIban(provider.Iban)}) als zorgverlener {provider.ProviderNumber}"
                        : null;
                if (how is null)
                {
                    continue;
                }

                findings.Add(new RiskFinding(
                    Code,
                    agreement.GrantorId,
                    RiskSubjectKind.CareAgreement,
                    agreement.Id,
                    $"ZOK-{agreement.Id}",
                    string.Empty,
                    $"Vertegenwoordiger {name} van dit budget {how} van zorgovereenkomst ZOK-{agreement.Id}. De vertegenwoordiger keurt dan de eigen declaraties goed.",
                    [RiskFindingEvidence.Agreement(agreement.Id, $"zorgovereenkomst ZOK-{agreement.Id}"), RiskFindingEvidence.Provider(provider.Id, provider.ProviderNumber, provider.Name)],
                    agreement.BudgetHolderId));
            }
        }

        return findings;
    }

    // "P. Jansen", "P Jansen" and "p.jansen" are one name: its letters, in lower case.
    private static string NameKey(string name) => string.Concat(name.Where(char.IsLetter)).ToLowerInvariant();

    private sealed record Provider(long Id, string ProviderNumber, string Name, string Iban, CareProviderKind Kind);
}
