using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Common;
using OpenPgb.Core.Payments;

namespace OpenPgb.Core.Risk.Indicators;

/// <summary>
/// IBAN_GEWIJZIGD_VOOR_BETALING: a large payment (the grantor's threshold) to an IBAN the provider changed to within
/// the grantor's number of days before the payment's execution date. Looks at the payments of the last
/// <see cref="LookBackDays"/> days.
/// </summary>
internal sealed class IbanChangedBeforePaymentIndicator : IRiskIndicator
{
    public const int LookBackDays = 90;

    public RiskIndicatorCode Code => RiskIndicatorCode.IbanChangedBeforePayment;

    public async Task<IReadOnlyList<RiskFinding>> FindAsync(RiskScanContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var changes = await db.CareProviderIbanChanges.AsNoTracking().ToListAsync(cancellationToken);
        if (changes.Count == 0)
        {
            return [];
        }

        var from = context.Today.AddDays(-LookBackDays);
        var minimum = context.Lowest(t => t.LargePaymentCents);
        var providerIds = changes.Select(c => c.CareProviderId).Distinct().ToList();
        var payments = await db.Payments.AsNoTracking()
            .Where(p => providerIds.Contains(p.CareProviderId) && p.AmountCents >= minimum && p.Status != PaymentStatus.Returned)
            .Join(db.PaymentRuns.AsNoTracking().Where(r => r.ExecutionDate >= from), p => p.PaymentRunId, r => r.Id, (p, r) => new { p.Id, p.GrantorId, p.CareProviderId, p.CreditorIban, p.AmountCents, p.EndToEndId, r.ExecutionDate })
            .ToListAsync(cancellationToken);
        var numbers = await db.CareProviders.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.ProviderNumber, cancellationToken);
        var findings = new List<RiskFinding>();
        foreach (var payment in payments)
        {
            var thresholds = context.ThresholdsOf(payment.GrantorId);
            if (payment.AmountCents < thresholds.LargePaymentCents)
            {
                continue;
            }

            var change = changes
                .Where(c => c.CareProviderId == payment.CareProviderId && c.NewIban == payment.CreditorIban)
                .Select(c => (Change: c, On: DateOnly.FromDateTime(c.ChangedAt.ToAmsterdam().DateTime)))
                .Where(c => c.On <= payment.ExecutionDate && c.On >= payment.ExecutionDate.AddDays(-thresholds.IbanChangeDays))
                .OrderByDescending(c => c.On)
                .FirstOrDefault();
            if (change.Change is null)
            {
                continue;
            }

            var days = payment.ExecutionDate.DayNumber - change.On.DayNumber;
            findings.Add(new RiskFinding(
                Code,
                payment.GrantorId,
                RiskSubjectKind.CareProvider,
                payment.CareProviderId,
                numbers[payment.CareProviderId],
                RiskIndicators.Invariant(payment.ExecutionDate),
                $"Zorgverlener {numbers[payment.CareProviderId]} wijzigde op {RiskIndicators.Day(change.On)} het rekeningnummer (van {RiskIndicators.MaskedIban(change.Change.OldIban)} naar {RiskIndicators.MaskedIban(change.Change.NewIban)}), {days} dag(en) voor een betaling van {RiskIndicators.Euros(payment.AmountCents)} op {RiskIndicators.Day(payment.ExecutionDate)}. Drempels: {thresholds.IbanChangeDays} dagen, {RiskIndicators.Euros(thresholds.LargePaymentCents)}.",
                [RiskFindingEvidence.Payment(payment.Id, payment.EndToEndId, payment.AmountCents)]));
        }

        return findings;
    }
}
