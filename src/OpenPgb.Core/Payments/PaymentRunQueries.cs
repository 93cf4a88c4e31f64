using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Payments;

public sealed record ReturnedPaymentRow(string EndToEndId, string CreditorName, long AmountCents, string? Reason, DateTimeOffset? ReturnedAt);

public sealed record PaymentRunRow(PaymentRun Run, IReadOnlyList<ReturnedPaymentRow> Returned);

/// <summary>The operators' view of payment runs (System scope only; the run table is filtered for everyone else).</summary>
public sealed class PaymentRunQueries(OpenPgbDbContext db)
{
    public async Task<IReadOnlyList<PaymentRunRow>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        var runs = await db.PaymentRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(count).ToListAsync(cancellationToken);
        var ids = runs.Select(r => r.Id).ToList();
        var returned = await db.Payments.AsNoTracking()
            .Where(p => ids.Contains(p.PaymentRunId) && p.Status == PaymentStatus.Returned)
            .Select(p => new { p.PaymentRunId, Row = new ReturnedPaymentRow(p.EndToEndId, p.CreditorName, p.AmountCents, p.ReturnReason, p.ReturnedAt) })
            .ToListAsync(cancellationToken);
        var byRun = returned.ToLookup(r => r.PaymentRunId, r => r.Row);
        return [.. runs.Select(r => new PaymentRunRow(r, [.. byRun[r.Id]]))];
    }
}
