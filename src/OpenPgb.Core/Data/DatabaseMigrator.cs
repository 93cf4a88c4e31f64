using Microsoft.EntityFrameworkCore;

namespace OpenPgb.Core.Data;

public static class DatabaseMigrator
{
    public static async Task MigrateAsync(OpenPgbDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets the portal read while an import writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    public static async Task<bool> IsUpToDateAsync(OpenPgbDbContext db, CancellationToken cancellationToken)
    {
        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
        return !pending.Any();
    }
}
