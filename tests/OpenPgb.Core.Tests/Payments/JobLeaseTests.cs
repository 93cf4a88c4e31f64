using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenPgb.Core.Data;
using OpenPgb.Core.Payments;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Payments;

/// <summary>The PostgreSQL lease: one holder at a time, and a released lease is free at once, whatever the pool does.</summary>
public sealed class JobLeaseTests
{
    [Fact]
    public async Task ALease_IsExclusive_AndOnceReleasedNoSessionHoldsIt()
    {
        await using var database = await TestDatabase.CreateAsync();
        var settings = database.Services.GetRequiredService<DatabaseSettings>();

        var first = await JobLease.TryAcquireAsync(settings, "test-job", CancellationToken.None);
        first.ShouldNotBeNull();
        (await JobLease.TryAcquireAsync(settings, "test-job", CancellationToken.None)).ShouldBeNull();
        (await AdvisoryLocksAsync(database.ConnectionString)).ShouldBe(1);

        await first.DisposeAsync();

        // No idle pooled session may keep it until its next use: the next taker may get another connection.
        (await AdvisoryLocksAsync(database.ConnectionString)).ShouldBe(0);
        await using var second = await JobLease.TryAcquireAsync(settings, "test-job", CancellationToken.None);
        second.ShouldNotBeNull();
    }

    private static async Task<long> AdvisoryLocksAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
