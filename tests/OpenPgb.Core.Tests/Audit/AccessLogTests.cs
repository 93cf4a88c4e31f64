using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenPgb.Core.Audit;
using OpenPgb.Core.Data;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Audit;

/// <summary>NEN 7513: the log is append-only in the database and a tampered row breaks the hash chain.</summary>
public sealed class AccessLogTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private AgreementWorld _world = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _world = await AgreementWorld.CreateAsync(_db);
        await _world.ApprovedAsync();
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData("UPDATE \"AccessLog\" SET \"UserName\" = 'Niemand' WHERE \"Sequence\" = 2")]
    [InlineData("DELETE FROM \"AccessLog\" WHERE \"Sequence\" = 2")]
    [InlineData("TRUNCATE \"AccessLog\"")]
    public async Task ChangingTheLog_IsRefusedByPostgres(string sql)
    {
        await using var connection = new NpgsqlConnection(_db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);

        var refused = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        refused.MessageText.ShouldContain("append-only");
        (await VerifyAsync()).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task Verify_DetectsATamperedRow()
    {
        // Someone with the table owner's rights switches the guard off and rewrites a row.
        await ExecuteAsOwnerAsync("""
            ALTER TABLE "AccessLog" DISABLE TRIGGER access_log_no_update_delete;
            UPDATE "AccessLog" SET "UserName" = 'Niemand' WHERE "Sequence" = 2;
            ALTER TABLE "AccessLog" ENABLE TRIGGER access_log_no_update_delete;
            """);

        var result = await VerifyAsync();

        result.IsIntact.ShouldBeFalse();
        result.FirstBrokenSequence.ShouldBe(2);
        result.Problem.ShouldNotBeNull().ShouldContain("rij 2");
    }

    [Fact]
    public async Task Verify_DetectsADeletedRow()
    {
        await ExecuteAsOwnerAsync("""
            ALTER TABLE "AccessLog" DISABLE TRIGGER access_log_no_update_delete;
            DELETE FROM "AccessLog" WHERE "Sequence" = 3;
            ALTER TABLE "AccessLog" ENABLE TRIGGER access_log_no_update_delete;
            """);

        var result = await VerifyAsync();

        result.FirstBrokenSequence.ShouldBe(3);
        result.Problem.ShouldNotBeNull().ShouldContain("ontbreekt");
    }

    [Fact]
    public async Task ConcurrentWriters_KeepOneUnbrokenChain()
    {
        var writers = Enumerable.Range(0, 8).Select(async i =>
        {
            await using var scope = _db.Scope();
            var log = scope.ServiceProvider.GetRequiredService<AccessLog>();
            for (var n = 0; n < 5; n++)
            {
                await log.ReadAndSaveAsync(_world.Employee, await HolderIdAsync(), "budgethouder bekeken", $"schrijver {i} rij {n}", CancellationToken.None);
            }
        });
        await Task.WhenAll(writers);

        var result = await VerifyAsync();
        result.IsIntact.ShouldBeTrue();
        result.RowsChecked.ShouldBe(4 + 40);
    }

    private async Task<long> HolderIdAsync()
    {
        await using var scope = _db.Scope();
        return await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().BudgetHolders.Select(b => b.Id).SingleAsync();
    }

    private async Task<ChainVerification> VerifyAsync()
    {
        await using var scope = _db.Scope();
        return await scope.ServiceProvider.GetRequiredService<AccessLogVerifier>().VerifyAsync(CancellationToken.None);
    }

    private async Task ExecuteAsOwnerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
