using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Access;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Audit;

/// <summary>
/// Links new access-log rows to the chain. On PostgreSQL a transaction-scoped advisory lock serialises appenders
/// across web nodes, so two transactions never take the same sequence number or previous hash.
/// </summary>
internal static class AccessLogChain
{
    public static async Task AppendAsync(OpenPgbDbContext db, IReadOnlyList<AccessLogEntry> rows, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLocks.AccessLogChain})", cancellationToken);
        }

        var last = await db.AccessLogEntries.Unfiltered(Because.SystemProcess).AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = last?.Sequence ?? 0;
        var previousHash = last?.Hash ?? string.Empty;
        foreach (var row in rows.OrderBy(r => r.OccurredAt))
        {
            row.Chain(++sequence, previousHash);
            previousHash = row.Hash;
        }
    }
}
