using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Access;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Audit;

/// <summary>
/// Adds access-log rows to the unit of work; they are chained and saved by <see cref="OpenPgbDbContext"/> in the
/// same transaction as the change they describe, so a change without its log row cannot be stored.
/// </summary>
public sealed class AccessLog(OpenPgbDbContext db, TimeProvider time)
{
    public void Changed(Actor actor, long? budgetHolderId, string action, string detail, string? onBehalfOf = null) =>
        db.AccessLogEntries.Add(new AccessLogEntry(AccessEvent.Change, action, budgetHolderId, actor, onBehalfOf, detail, time.GetUtcNow()));

    public void Read(Actor actor, long budgetHolderId, string action, string detail) =>
        db.AccessLogEntries.Add(new AccessLogEntry(AccessEvent.Read, action, budgetHolderId, actor, null, detail, time.GetUtcNow()));

    /// <summary>Logs a staff read and saves it at once: reads have no other change to travel with.</summary>
    public async Task ReadAndSaveAsync(Actor actor, long budgetHolderId, string action, string detail, CancellationToken cancellationToken)
    {
        Read(actor, budgetHolderId, action, detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Logs a staff read of something that concerns no one budget holder (a signal about providers only).</summary>
    public async Task ReadAndSaveAsync(Actor actor, string action, string detail, CancellationToken cancellationToken)
    {
        db.AccessLogEntries.Add(new AccessLogEntry(AccessEvent.Read, action, null, actor, null, detail, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Logs one staff read per budget holder shown (a page of a report, a downloaded file) and saves them.</summary>
    public async Task ReadAndSaveAsync(Actor actor, IEnumerable<long> budgetHolderIds, string action, string detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(budgetHolderIds);
        foreach (var id in budgetHolderIds.Distinct())
        {
            Read(actor, id, action, detail);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

public sealed record ChainVerification(long RowsChecked, long? FirstBrokenSequence, string? Problem)
{
    public bool IsIntact => FirstBrokenSequence is null;
}

/// <summary>Walks the chain from the first row and reports the first row whose hash or link does not hold.</summary>
public sealed class AccessLogVerifier(OpenPgbDbContext db)
{
    private const int PageSize = 5_000;

    public async Task<ChainVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var previousHash = string.Empty;
        long expectedSequence = 1;
        long checkedRows = 0;
        while (true)
        {
            var page = await db.AccessLogEntries.Unfiltered(Because.SystemProcess).AsNoTracking()
                .Where(e => e.Sequence >= expectedSequence)
                .OrderBy(e => e.Sequence)
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                return new ChainVerification(checkedRows, null, null);
            }

            foreach (var entry in page)
            {
                if (entry.Sequence != expectedSequence)
                {
                    return new ChainVerification(checkedRows, expectedSequence, $"rij {expectedSequence} ontbreekt");
                }

                if (entry.PreviousHash != previousHash)
                {
                    return new ChainVerification(checkedRows, entry.Sequence, $"rij {entry.Sequence} verwijst niet naar de hash van rij {entry.Sequence - 1}");
                }

                if (entry.ComputeHash() != entry.Hash)
                {
                    return new ChainVerification(checkedRows, entry.Sequence, $"de inhoud van rij {entry.Sequence} past niet bij de hash");
                }

                previousHash = entry.Hash;
                expectedSequence++;
                checkedRows++;
            }
        }
    }
}
