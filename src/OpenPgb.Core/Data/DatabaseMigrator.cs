using Microsoft.EntityFrameworkCore;

namespace OpenPgb.Core.Data;

public static class DatabaseMigrator
{
    public static async Task MigrateAsync(OpenPgbDbContext db, CancellationToken cancellationToken)
    {
        await RefuseUnknownHistoryAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets the portal read while an import writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// A database whose history names migrations this build does not have was made by another line of the schema
    /// (before the squash of ADR 0010, or by a newer build): migrating it would recreate existing tables or skip
    /// changes. Refuse with what to do instead of failing half-way.
    /// </summary>
    private static async Task RefuseUnknownHistoryAsync(OpenPgbDbContext db, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database was migrated by another version of OpenPgb ({unknown.Count} unknown migrations, the first {unknown[0]}). "
                + "A development or demo database made before the migrations were squashed (ADR 0010) cannot be upgraded: delete it "
                + "(SQLite: the file in Database:SqliteFile, data/openpgb.db by default) and start again; the demo data is recreated.");
        }
    }

    public static async Task<bool> IsUpToDateAsync(OpenPgbDbContext db, CancellationToken cancellationToken)
    {
        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
        return !pending.Any();
    }
}
