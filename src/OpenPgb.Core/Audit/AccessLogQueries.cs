using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Audit;

public sealed record AccessLogRow(DateTimeOffset OccurredAt, AccessEvent Event, string Action, string UserName, string Role, string? OnBehalfOf, string? GrantorName, string Detail);

/// <summary>"Wie heeft mijn gegevens bekeken": the log rows about the signed-in budget holder, newest first.</summary>
public sealed class AccessLogQueries(OpenPgbDbContext db)
{
    public async Task<IReadOnlyList<AccessLogRow>> AboutMeAsync(string bsn, int take, CancellationToken cancellationToken)
    {
        // The query filter limits rows to budget holders with the scope's BSN; the BSN here picks the holder role only.
        var holderIds = await db.BudgetHolders.Where(b => b.Bsn == bsn).Select(b => b.Id).ToListAsync(cancellationToken);
        return await db.AccessLogEntries.AsNoTracking()
            .Where(e => e.BudgetHolderId != null && holderIds.Contains(e.BudgetHolderId.Value))
            .OrderByDescending(e => e.Sequence)
            .Take(take)
            .Select(e => new AccessLogRow(e.OccurredAt, e.Event, e.Action, e.UserName, e.Role, e.OnBehalfOf, db.Grantors.Where(g => g.Id == e.GrantorId).Select(g => g.Name).FirstOrDefault(), e.Detail))
            .ToListAsync(cancellationToken);
    }
}
