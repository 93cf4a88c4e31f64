using Microsoft.EntityFrameworkCore;
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
    DateOnly? PaidOn);

public sealed record PaymentRow(long Id, string EndToEndId, DateOnly ExecutionDate, string Iban, long AmountCents, int ClaimCount, PaymentStatus Status, string? ReturnReason, IReadOnlyList<PaymentLine> Lines);

public sealed record PaymentLine(long ClaimId, string InvoiceNumber, DateOnly PeriodStart, DateOnly PeriodEnd, long AmountCents);

/// <summary>Claims and payments for the portal; every query runs through the scope filters of the signed-in user.</summary>
public sealed class ClaimQueries(OpenPgbDbContext db)
{
    public const int PageSize = 200;

    /// <summary>The claims the scope can see, newest first, optionally of one status.</summary>
    public async Task<IReadOnlyList<ClaimRow>> ListAsync(ClaimStatus? status, CancellationToken cancellationToken)
    {
        // Names come from unfiltered tables: the claim's visibility is what authorises showing them.
        var rows = from c in db.Claims.AsNoTracking()
                   where status == null || c.Status == status
                   join p in db.CareProviders on c.CareProviderId equals p.Id
                   join h in db.BudgetHolders.IgnoreQueryFilters() on c.BudgetHolderId equals h.Id
                   orderby c.SubmittedAt descending, c.Id descending
                   select new
                   {
                       c,
                       ProviderName = p.Name,
                       h.Name,
                       Paid = (from i in db.PaymentItems
                               where i.ClaimId == c.Id && i.ReturnedAt == null
                               join pm in db.Payments.IgnoreQueryFilters() on i.PaymentId equals pm.Id
                               join r in db.PaymentRuns.IgnoreQueryFilters() on pm.PaymentRunId equals r.Id
                               select new { pm.EndToEndId, r.ExecutionDate }).FirstOrDefault(),
                   };
        var list = await rows.Take(PageSize).ToListAsync(cancellationToken);
        return [.. list.Select(r => new ClaimRow(
            r.c.Id, r.c.CareAgreementId, r.c.GrantId, r.ProviderName, r.Name.Display, r.c.Kind, r.c.CareFunctionCode, r.c.PeriodStart, r.c.PeriodEnd, r.c.Units,
            r.c.TariffCents, r.c.AmountCents, r.c.InvoiceNumber, r.c.Status, r.c.HoldReason, r.c.RejectionReason, r.Paid?.EndToEndId, r.Paid?.ExecutionDate))];
    }

    /// <summary>A provider's payments with their specification: which claims each transfer pays.</summary>
    public async Task<IReadOnlyList<PaymentRow>> PaymentsAsync(CancellationToken cancellationToken)
    {
        var payments = await (from pm in db.Payments.AsNoTracking()
                              join r in db.PaymentRuns.IgnoreQueryFilters() on pm.PaymentRunId equals r.Id
                              orderby pm.Id descending
                              select new { pm, r.ExecutionDate })
            .Take(50)
            .ToListAsync(cancellationToken);
        var ids = payments.Select(p => p.pm.Id).ToList();
        var lines = await (from i in db.PaymentItems.AsNoTracking()
                           where ids.Contains(i.PaymentId)
                           join c in db.Claims.IgnoreQueryFilters() on i.ClaimId equals c.Id
                           orderby c.PeriodStart, c.InvoiceNumber
                           select new { i.PaymentId, Line = new PaymentLine(c.Id, c.InvoiceNumber, c.PeriodStart, c.PeriodEnd, i.AmountCents) })
            .ToListAsync(cancellationToken);
        var byPayment = lines.ToLookup(l => l.PaymentId, l => l.Line);
        return [.. payments.Select(p => new PaymentRow(p.pm.Id, p.pm.EndToEndId, p.ExecutionDate, p.pm.CreditorIban, p.pm.AmountCents, p.pm.ClaimCount, p.pm.Status, p.pm.ReturnReason, [.. byPayment[p.pm.Id]]))];
    }

    /// <summary>One payment visible in the scope (a grantor's employee, the provider), with its specification.</summary>
    public async Task<(PaymentRow Payment, string ProviderName)?> PaymentAsync(long id, CancellationToken cancellationToken)
    {
        var found = await (from pm in db.Payments.AsNoTracking()
                           where pm.Id == id
                           join r in db.PaymentRuns.IgnoreQueryFilters() on pm.PaymentRunId equals r.Id
                           select new { pm, r.ExecutionDate }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var lines = await (from i in db.PaymentItems.AsNoTracking()
                           where i.PaymentId == id
                           join c in db.Claims.IgnoreQueryFilters() on i.ClaimId equals c.Id
                           orderby c.PeriodStart, c.InvoiceNumber
                           select new PaymentLine(c.Id, c.InvoiceNumber, c.PeriodStart, c.PeriodEnd, i.AmountCents)).ToListAsync(cancellationToken);
        var p = found.pm;
        return (new PaymentRow(p.Id, p.EndToEndId, found.ExecutionDate, p.CreditorIban, p.AmountCents, p.ClaimCount, p.Status, p.ReturnReason, lines), p.CreditorName);
    }

    /// <summary>The approved agreements a provider (or a citizen, for informal carers) can claim on.</summary>
    public async Task<IReadOnlyList<(long Id, string Label, IReadOnlyList<string> CareFunctions, TariffUnit Unit)>> ClaimableAgreementsAsync(bool informalCarersOnly, CancellationToken cancellationToken)
    {
        var agreements = await db.CareAgreements.AsNoTracking().Include(a => a.Versions)
            .Where(a => a.Versions.Any(v => v.Status == AgreementStatus.Approved))
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var holders = await db.BudgetHolders.IgnoreQueryFilters().AsNoTracking()
            .Where(h => agreements.Select(a => a.BudgetHolderId).Contains(h.Id))
            .ToDictionaryAsync(h => h.Id, h => h.Name.Display, cancellationToken);
        return [.. agreements
            .Select(a => (Agreement: a, Version: a.ApprovedVersion!))
            .Where(x => !informalCarersOnly || x.Version.Type == AgreementType.InformalCarer)
            .Select(x => (x.Agreement.Id, $"ZOK-{x.Agreement.Id} · {holders.GetValueOrDefault(x.Agreement.BudgetHolderId)} · {Common.Money.FormatEuro(x.Version.TariffCents)} {AgreementTexts.NameOf(x.Version.TariffUnit)}", (IReadOnlyList<string>)x.Version.CareFunctionCodes, x.Version.TariffUnit))];
    }
}
