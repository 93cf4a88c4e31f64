using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Common;

namespace OpenPgb.Core.Risk.Indicators;

/// <summary>
/// DECLARATIE_VOOR_ONDERTEKENING: claims for care that began before the care agreement was signed (the day both
/// parties had signed its first signed version). Looks at claims submitted in the last <see cref="LookBackDays"/>
/// days; agreements carried over from PGB1 have no signatures here and are left out.
/// </summary>
internal sealed class ClaimBeforeSigningIndicator : IRiskIndicator
{
    public const int LookBackDays = 365;

    public RiskIndicatorCode Code => RiskIndicatorCode.ClaimBeforeSigning;

    public async Task<IReadOnlyList<RiskFinding>> FindAsync(RiskScanContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var since = new DateTimeOffset(context.Today.AddDays(-LookBackDays).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var signed = (await db.CareAgreementVersions.AsNoTracking()
            .Where(v => v.SignedByHolderAt != null && v.SignedByProviderAt != null)
            .Select(v => new { v.CareAgreementId, v.SignedByHolderAt, v.SignedByProviderAt })
            .ToListAsync(cancellationToken))
            .GroupBy(v => v.CareAgreementId)
            .ToDictionary(g => g.Key, g => g.Min(v => DateOnly.FromDateTime((v.SignedByHolderAt > v.SignedByProviderAt ? v.SignedByHolderAt : v.SignedByProviderAt)!.Value.ToAmsterdam().DateTime)));
        // Streamed: only the claims before their agreement's signing are kept, however many the year has.
        var claims = new List<(long Id, long CareAgreementId, int GrantorId, long BudgetHolderId, DateOnly PeriodStart, long AmountCents)>();
        await foreach (var c in db.Claims.AsNoTracking()
            .Where(c => c.Status != ClaimStatus.Rejected && c.SubmittedAt >= since && c.Channel != ClaimChannel.Conversion)
            .Select(c => new { c.Id, c.CareAgreementId, c.GrantorId, c.BudgetHolderId, c.PeriodStart, c.AmountCents })
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken))
        {
            if (signed.TryGetValue(c.CareAgreementId, out var on) && c.PeriodStart < on)
            {
                claims.Add((c.Id, c.CareAgreementId, c.GrantorId, c.BudgetHolderId, c.PeriodStart, c.AmountCents));
            }
        }

        return [.. claims.GroupBy(c => (c.CareAgreementId, c.GrantorId, c.BudgetHolderId)).Select(g => new RiskFinding(
            Code,
            g.Key.GrantorId,
            RiskSubjectKind.CareAgreement,
            g.Key.CareAgreementId,
            $"ZOK-{g.Key.CareAgreementId}",
            string.Empty,
            $"Zorgovereenkomst ZOK-{g.Key.CareAgreementId} is op {RiskIndicators.Day(signed[g.Key.CareAgreementId])} ondertekend; {g.Count()} declaratie(s) gaan over zorg die eerder begon, samen {RiskIndicators.Euros(g.Sum(c => c.AmountCents))}.",
            RiskIndicators.Evidence(g.OrderBy(c => c.Id).Select(c => RiskFindingEvidence.Claim(c.Id, $"declaratie {c.Id}, zorg vanaf {RiskIndicators.Day(c.PeriodStart)}", c.AmountCents))),
            g.Key.BudgetHolderId))];
    }
}
