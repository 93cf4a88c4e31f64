using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Data;

namespace OpenPgb.Cli;

/// <summary>Before a command touches data: the database is reachable and migrated, or the command stops with exit 2.</summary>
internal static class CliDatabase
{
    public static async Task EnsureReadyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        try
        {
            if (!await DatabaseMigrator.IsUpToDateAsync(db, cancellationToken))
            {
                throw new CliException("The database is not migrated; run 'openpgb db migrate' first.");
            }

            _ = await db.Grantors.CountAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not CliException and not OperationCanceledException)
        {
            throw new CliException("Database not reachable: " + ex.GetBaseException().Message);
        }
    }
}
