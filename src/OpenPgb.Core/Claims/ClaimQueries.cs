using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Access;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Data;
using OpenPgb.Core.Payments;

namespace OpenPgb.Core.Claims;

public sealed record ClaimRow(
    long Id,
    long AgreementId,
    long GrantId,
    string ProviderName,
    string HolderName,
    ClaimKind Kind,
    string CareFunctionCode,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    decimal Units,
    long TariffCents,
    long AmountCents,
    string InvoiceNumber,
    ClaimStatus Status,
    string? HoldReason,
    string? RejectionReason,
    string? PaymentReference,
    DateOnly? PaidOn,
    bool CarriedOver = false);

public sealed record PaymentRow(long Id, string EndToEndId, DateOnly ExecutionDate, string Iban, long AmountCents, int ClaimCount, PaymentStatus Status, string? ReturnReason, IReadOnlyList<PaymentLine> Lines);

public sealed record PaymentLine(long ClaimId, string InvoiceNumber, DateOnly PeriodStart, DateOnly PeriodEnd, long AmountCents);

/// <summary>Claims and payments for the portal; every query runs through the scope filters of the signed-in user.</summary>
public sealed class ClaimQueries(OpenPgbDbContext db)
{
    public const int PageSize = 200;

    /// <summary>The claims the scope can see, newest first, optionally of one status or one grant.</summary>
    /// <remarks>
    /// Two reads: the claims through the scope filters, then names and payments of exactly those ids in one joined
    /// query. (Switching the filters off applies to a whole query, so the ids must come from a filtered read first.)
    /// </remarks>
    public Task<IReadOnlyList<ClaimRow>> ListAsync(ClaimStatus? status, CancellationToken cancellationToken) => ListAsync(status, null, cancellationToken);

    /// <summary>The claims of one grant the scope can see (all grants for null), newest first.</summary>
    public async Task<IReadOnlyList<ClaimRow>> ListAsync(ClaimStatus? status, long? grantId, CancellationToken cancellationToken)
    {
        var claims = await db.Claims.AsNoTracking()
            .Where(c => status == null
                || (status == ClaimStatus.Paid
                    ? c.Status == ClaimStatus.Paid || (c.Status == ClaimStatus.Approved && db.PaymentItems.Any(i => i.ClaimId == c.Id && i.ReturnedAt == null))
                    : status == ClaimStatus.Approved
                        ? c.Status == ClaimStatus.Approved && !db.PaymentItems.Any(i => i.ClaimId == c.Id && i.ReturnedAt == null)
                        : c.Status == status))
            .Where(c => grantId == null || c.GrantId == grantId)
            .OrderByDescending(c => c.SubmittedAt).ThenByDescending(c => c.Id)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        var ids = claims.Select(c => c.Id).ToList();

        // The second read: names and payment of exactly the claims read in scope above, joined in the database.
        var details = await (from c in db.Claims.Unfiltered(Because.LookupOfIdsReadInScope).AsNoTracking()
                             where ids.Contains(c.Id)
                             join p in db.CareProviders on c.CareProviderId equals p.Id
                             join h in db.BudgetHolders on c.BudgetHolderId equals h.Id
                             from paid in (from i in db.PaymentItems
                                           where i.ClaimId == c.Id && i.ReturnedAt == null
                                           join pm in db.Payments on i.PaymentId equals pm.Id
                                           join r in db.PaymentRuns on pm.PaymentRunId equals r.Id
                                           select new { pm.EndToEndId, r.ExecutionDate }).Take(1).DefaultIfEmpty()
                             select new { c.Id, ProviderName = p.Name, h.Name, PaymentReference = paid == null ? null : paid.EndToEndId, PaidOn = paid == null ? (DateOnly?)null : paid.ExecutionDate })
            .ToDictionaryAsync(d => d.Id, cancellationToken);

        // Claims carried over from PGB1 were paid by the old system: that payment's date and reference.
        var carriedIds = claims.Where(c => c.Channel == ClaimChannel.Conversion).Select(c => c.Id).ToList();
        var oldPayments = carriedIds.Count == 0
            ? []
            : await db.CarriedOverPayments.Unfiltered(Because.LookupOfIdsReadInScope).AsNoTracking()
                .Where(o => carriedIds.Contains(o.ClaimId))
                .ToDictionaryAsync(o => o.ClaimId, o => (o.Reference, o.PaidOn), cancellationToken);
        return [.. claims.Select(c =>
        {
            var detail = details[c.Id];
            (string Reference, DateOnly PaidOn)? old = oldPayments.TryGetValue(c.Id, out var paidByPgb1) ? paidByPgb1 : null;
            return new ClaimRow(
                c.Id, c.CareAgreementId, c.GrantId, detail.ProviderName, detail.Name.Display, c.Kind,
                c.CareFunctionCode, c.PeriodStart, c.PeriodEnd, c.Units, c.TariffCents, c.AmountCents, c.InvoiceNumber,
                ClaimStates.Effective(c.Status, paidByRun: detail.PaymentReference is not null), c.HoldReason, c.RejectionReason,
                detail.PaymentReference ?? old?.Reference,
                detail.PaidOn ?? old?.PaidOn,
                c.Channel == ClaimChannel.Conversion);
        })];
    }

    /// <summary>The payments the scope can see (a provider's own, a grantor's), newest first, with their specification.</summary>
    public async Task<IReadOnlyList<PaymentRow>> PaymentsAsync(CancellationToken cancellationToken)
    {
        var payments = await db.Payments.AsNoTracking().OrderByDescending(p => p.Id).Take(50).ToListAsync(cancellationToken);
        return await WithLinesAsync(payments, cancellationToken);
    }

    /// <summary>One payment visible in the scope (a grantor's employee, the provider), with its specification.</summary>
    public async Task<(PaymentRow Payment, string ProviderName)?> PaymentAsync(long id, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return payment is null ? null : ((await WithLinesAsync([payment], cancellationToken))[0], payment.CreditorName);
    }

    // The payments were read through the scope filter; their runs and lines are looked up by their ids.
    private async Task<IReadOnlyList<PaymentRow>> WithLinesAsync(IReadOnlyList<Payment> payments, CancellationToken cancellationToken)
    {
        var ids = payments.Select(p => p.Id).ToList();
        var runIds = payments.Select(p => p.PaymentRunId).Distinct().ToList();
        var executionDates = await db.PaymentRuns.Unfiltered(Because.LookupOfIdsReadInScope).AsNoTracking().Where(r => runIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.ExecutionDate, cancellationToken);
        var lines = await (from i in db.PaymentItems.Unfiltered(Because.LookupOfIdsReadInScope).AsNoTracking()
                           where ids.Contains(i.PaymentId)
                           join c in db.Claims.Unfiltered(Because.LookupOfIdsReadInScope) on i.ClaimId equals c.Id
                           orderby c.PeriodStart, c.InvoiceNumber
                           select new { i.PaymentId, Line = new PaymentLine(c.Id, c.InvoiceNumber, c.PeriodStart, c.PeriodEnd, i.AmountCents) })
            .ToListAsync(cancellationToken);
        var byPayment = lines.ToLookup(l => l.PaymentId, l => l.Line);
        return [.. payments.Select(p => new PaymentRow(p.Id, p.EndToEndId, executionDates[p.PaymentRunId], p.CreditorIban, p.AmountCents, p.ClaimCount, p.Status, p.ReturnReason, [.. byPayment[p.Id]]))];
    }

    /// <summary>
    /// The approved agreements a provider (or a citizen, for informal carers) can claim on; for a citizen only those of
    /// <paramref name="onlyGrants"/>, the grants they may act on (a read-only representative claims nothing).
    /// </summary>
    public async Task<IReadOnlyList<(long Id, string Label, IReadOnlyList<string> CareFunctions, TariffUnit Unit)>> ClaimableAgreementsAsync(
        bool informalCarersOnly, IReadOnlySet<long>? onlyGrants, CancellationToken cancellationToken)
    {
        var grantIds = onlyGrants?.ToList();
        var agreements = await db.CareAgreements.AsNoTracking().Include(a => a.Versions)
            .Where(a => a.Versions.Any(v => v.Status == AgreementStatus.Approved))
            .Where(a => grantIds == null || grantIds.Contains(a.GrantId))
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var holders = await db.BudgetHolders.Unfiltered(Because.LookupOfIdsReadInScope).AsNoTracking()
            .Where(h => agreements.Select(a => a.BudgetHolderId).Contains(h.Id))
            .ToDictionaryAsync(h => h.Id, h => h.Name.Display, cancellationToken);
        return [.. agreements
            .Select(a => (Agreement: a, Version: a.ApprovedVersion!))
            .Where(x => !informalCarersOnly || x.Version.Type == AgreementType.InformalCarer)
            .Select(x => (x.Agreement.Id, $"ZOK-{x.Agreement.Id} · {holders.GetValueOrDefault(x.Agreement.BudgetHolderId)} · {Common.Money.FormatEuro(x.Version.TariffCents)} {AgreementTexts.NameOf(x.Version.TariffUnit)}", (IReadOnlyList<string>)x.Version.CareFunctionCodes, x.Version.TariffUnit))];
    }
}
