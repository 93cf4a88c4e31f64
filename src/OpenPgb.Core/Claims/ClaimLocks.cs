using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Claims;

/// <summary>
/// The rules that read other rows hold only if no other transaction changes those rows between the check and the
/// write. On PostgreSQL a transaction-scoped advisory lock serialises the transactions that check the same rows (on
/// every web node); on SQLite every write transaction starts with BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default),
/// which already serialises all writers, so there is nothing more to take. Call inside the transaction, before reading.
/// </summary>
internal static class ClaimLocks
{

    /// <summary>Approvals of one grant: two approvals never both take the last euro.</summary>
    public static Task BudgetAsync(OpenPgbDbContext db, long grantId, CancellationToken cancellationToken) =>
        LockAsync(db, AdvisoryLocks.Budget, grantId, cancellationToken);

    /// <summary>
    /// Submissions of one provider: no overlap on an agreement (an agreement has one provider), at most 24 hours a day
    /// across the provider's claims, an invoice number once per provider, the holiday allowance within its cap.
    /// </summary>
    public static Task ProviderClaimsAsync(OpenPgbDbContext db, long careProviderId, CancellationToken cancellationToken) =>
        LockAsync(db, AdvisoryLocks.ProviderClaims, careProviderId, cancellationToken);

    private static async Task LockAsync(OpenPgbDbContext db, int lockClass, long id, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A claim lock is taken inside the transaction that writes.");
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({lockClass}, {(int)(id % int.MaxValue)})", cancellationToken);
        }
    }
}
