using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Data;

namespace OpenPgb.Cli.Commands;

internal static class DatabaseCommands
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Apply all database migrations");
        migrate.SetAction(async (_, cancellationToken) =>
        {
            await using var services = CliHost.Build();
            await using var scope = services.SystemScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
            await DatabaseMigrator.MigrateAsync(db, cancellationToken);
            Console.WriteLine("Database is up to date.");
            return ExitCodes.Success;
        });
        return new Command("db", "Database maintenance") { migrate };
    }
}
