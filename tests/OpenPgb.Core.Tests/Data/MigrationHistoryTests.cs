using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Data;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Data;

/// <summary>One initial migration per provider (ADR 0010); a database made by another line of migrations is refused with what to do.</summary>
public sealed class MigrationHistoryTests
{
    [Fact]
    public async Task EachProvider_HasOneInitialMigration()
    {
        await using var sqlite = await TestDatabase.CreateSqliteAsync();
        await using var postgres = await TestDatabase.CreateAsync();
        foreach (var database in new[] { sqlite, postgres })
        {
            await using var scope = database.Scope();
            var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
            db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]).ShouldBe(["Initial"]);
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task DatabaseFromAnotherLineOfMigrations_IsRefusedWithWhatToDo_AndLeftAsItWas()
    {
        await using var database = await TestDatabase.CreateSqliteAsync();
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "__ef_migrations_history" ("MigrationId", "ProductVersion") VALUES ('20261126035147_ClaimsLedgerPayments', '10.0.0')""");

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => DatabaseMigrator.MigrateAsync(db, CancellationToken.None));

        refused.Message.ShouldContain("20261126035147_ClaimsLedgerPayments");
        refused.Message.ShouldContain("data/openpgb.db");
        (await db.Database.GetAppliedMigrationsAsync()).Count().ShouldBe(2);
    }
}
