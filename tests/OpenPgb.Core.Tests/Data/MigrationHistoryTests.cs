using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Data;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Data;

/// <summary>
/// One line of migrations per provider, starting from one initial migration (ADR 0010) and then added, never squashed
/// again; both providers have the same line; a database made by another line of migrations is refused with what to do.
/// </summary>
public sealed class MigrationHistoryTests
{
    [Fact]
    public async Task EachProvider_StartsFromOneInitialMigration_AndBothFollowTheSameLine()
    {
        await using var sqlite = await TestDatabase.CreateSqliteAsync();
        await using var postgres = await TestDatabase.CreateAsync();
        var lines = new List<IReadOnlyList<string>>();
        foreach (var database in new[] { sqlite, postgres })
        {
            await using var scope = database.Scope();
            var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
            var names = db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]).ToList();
            names[0].ShouldBe("Initial");
            names.Count(n => n == "Initial").ShouldBe(1);
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
            lines.Add(names);
        }

        lines[0].ShouldBe(lines[1]);
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
        (await db.Database.GetAppliedMigrationsAsync()).Count().ShouldBe(db.Database.GetMigrations().Count() + 1);
    }
}
