using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OpenPgb.Core.Common;
using OpenPgb.Core.Payments;
using OpenPgb.Testing;
using OpenPgb.Web.Jobs;
using OpenPgb.Web.Tests.Support;
using Quartz;
using Shouldly;

namespace OpenPgb.Web.Tests;

/// <summary>
/// The scheduled jobs (ADR 0014): on PostgreSQL in a clustered Quartz store in the application's database, on SQLite in
/// memory; the daily triggers follow configuration, survive a node's restart untouched and are replaced when the
/// schedule changes. (That a trigger fires once among several nodes is the two-node end-to-end test.)
/// </summary>
public sealed class SchedulingTests(OpenPgbWebFactory factory) : IClassFixture<OpenPgbWebFactory>
{
    // Registrations here run on clocks years ahead, so the triggers they make never fire during the test run.
    private static readonly DateTimeOffset Future = new(2031, 3, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task OnPostgres_TheJobStoreIsClusteredInTheDatabase()
    {
        var metadata = await RunningAsync(factory.Services);

        metadata.JobStorePersistent.ShouldBeTrue();
        metadata.JobStoreClustered.ShouldBeTrue();
        (await CountAsync("select count(*) from qrtz_scheduler_state")).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task DailyTriggers_FollowConfiguration_AreKeptOnRestart_AndReplacedWhenTheScheduleChanges()
    {
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var key = new TriggerKey(ScheduleRegistration.DailyPaymentRun.Name, ScheduleRegistration.DailyPaymentRun.Group);

        await RegisterAsync(new PaymentOptions { DailyRunEnabled = true, DailyRunAt = new(6, 0) }, Future);
        var daily = (ICronTrigger)(await scheduler.GetTrigger(key))!;
        daily.CronExpressionString.ShouldBe("0 0 6 * * ?");
        daily.TimeZone.Id.ShouldBe(AmsterdamClock.Zone.Id);
        daily.MisfireInstruction.ShouldBe(CronTriggerMisfireInstruction.FireAndProceed);
        (await scheduler.GetJobDetail(ScheduleRegistration.DailyPaymentRun))!.RequestsRecovery.ShouldBeTrue();
        var closings = (ICronTrigger)(await scheduler.GetTrigger(new TriggerKey(ScheduleRegistration.BudgetClosings.Name, ScheduleRegistration.BudgetClosings.Group)))!;
        closings.CronExpressionString.ShouldBe("0 15 0 * * ?");

        // Another node starting (a day later) with the same schedule leaves the stored trigger as it was.
        await RegisterAsync(new PaymentOptions { DailyRunEnabled = true, DailyRunAt = new(6, 0) }, Future.AddDays(1));
        (await scheduler.GetTrigger(key))!.StartTimeUtc.ShouldBe(daily.StartTimeUtc);

        // A changed time replaces it.
        await RegisterAsync(new PaymentOptions { DailyRunEnabled = true, DailyRunAt = new(7, 30) }, Future.AddDays(1));
        ((ICronTrigger)(await scheduler.GetTrigger(key))!).CronExpressionString.ShouldBe("0 30 7 * * ?");

        // Switched off: no daily jobs left in the cluster.
        await RegisterAsync(new PaymentOptions { DailyRunEnabled = false }, Future);
        (await scheduler.Exists(ScheduleRegistration.DailyPaymentRun)).ShouldBeFalse();
        (await scheduler.Exists(ScheduleRegistration.BudgetClosings)).ShouldBeFalse();
    }

    /// <summary>The scheduler's metadata once the hosted service has started it (after the application started).</summary>
    internal static async Task<SchedulerMetadata> RunningAsync(IServiceProvider services)
    {
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var metadata = await scheduler.GetMetadata();
        for (var attempt = 0; metadata.Status != SchedulerStatus.Running && attempt < 100; attempt++)
        {
            await Task.Delay(100);
            metadata = await scheduler.GetMetadata();
        }

        metadata.Status.ShouldBe(SchedulerStatus.Running);
        return metadata;
    }

    private async Task RegisterAsync(PaymentOptions options, DateTimeOffset now)
    {
        var registration = new ScheduleRegistration(factory.Services.GetRequiredService<ISchedulerFactory>(), options, new TestClock(now), NullLogger<ScheduleRegistration>.Instance);
        await registration.StartAsync(CancellationToken.None);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>The README's run (SQLite, one node): Quartz's in-memory store, nothing written to the database.</summary>
public sealed class SqliteSchedulingTests(SqliteWebFactory factory) : IClassFixture<SqliteWebFactory>
{
    [Fact]
    public async Task OnSqlite_TheJobStoreIsInMemory()
    {
        var metadata = await SchedulingTests.RunningAsync(factory.Services);

        metadata.JobStorePersistent.ShouldBeFalse();
        metadata.JobStoreClustered.ShouldBeFalse();
    }
}
