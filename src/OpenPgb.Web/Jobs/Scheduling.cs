using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Payments;
using Quartz;

namespace OpenPgb.Web.Jobs;

/// <summary>
/// The scheduled jobs run on Quartz.NET (ADR 0014). On PostgreSQL its job store is clustered in the application's own
/// database, so however many web nodes run, a trigger fires on exactly one of them, and a job whose node dies is
/// started again on another. On SQLite (one node: the README's run) the store is Quartz's in-memory one.
/// </summary>
internal static class Scheduling
{
    /// <summary>The table prefix of Quartz's schema in the application's database (created by Quartz itself).</summary>
    public const string TablePrefix = "qrtz_";

    public static IServiceCollection AddScheduledJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var database = DatabaseSettings.From(configuration);
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(s => s.InstanceName = "OpenPgb");
            if (database.Provider == DatabaseProvider.Postgres)
            {
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(database.ConnectionString);
                    store.ConfigureStore(o => o.TablePrefix = TablePrefix);
                    store.UseClustering(c =>
                    {
                        // A node that stops checking in for CheckinInterval + CheckinMisfireThreshold is taken for
                        // dead: its firings are recovered on another node (the payment run resumes, ADR 0006).
                        c.CheckinInterval = TimeSpan.FromSeconds(5);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(10);
                    });
                    // The nodes create Quartz's tables on first start (concurrently safe); the application's
                    // account already owns its schema, as the EF migrations run at start too.
                    store.ProvisionSchema();
                    // One execution history for the cluster, in the database: what ran where, and what it missed.
                    store.UseExecutionHistory();
                });
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<ScheduleRegistration>();
        return services;
    }

    /// <summary>
    /// A cron expression in Amsterdam time for every day at <paramref name="at"/>; the jobs themselves decide whether a
    /// day counts (the payment run only books on banking days).
    /// </summary>
    public static string Daily(TimeOnly at) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{at.Second} {at.Minute} {at.Hour} * * ?");
}

/// <summary>
/// Puts the jobs and their triggers in the scheduler at start, from configuration. A trigger already stored with the
/// same schedule is left alone, so a node's restart neither re-fires nor skips it; a changed schedule replaces it. New
/// triggers start at the beginning of today (Amsterdam): one whose time today has passed misfires and fires once
/// straight away, which is how a day missed while no node ran is caught up (both jobs are idempotent per day).
/// </summary>
internal sealed partial class ScheduleRegistration(ISchedulerFactory schedulers, PaymentOptions payments, TimeProvider time, ILogger<ScheduleRegistration> logger)
    : IHostedService
{
    public static readonly JobKey DailyPaymentRun = new("daily-payment-run", "openpgb");

    public static readonly JobKey BudgetClosings = new("budget-closings", "openpgb");

    public static readonly JobKey RiskScan = new("risk-scan", "openpgb");

    /// <summary>The 507s and last month's fixed monthly claims, shortly after midnight.</summary>
    public static readonly TimeOnly BudgetClosingsAt = new(0, 15);

    /// <summary>The nightly risk scan, after the day's bookings and before staff start work.</summary>
    public static readonly TimeOnly RiskScanAt = new(3, 0);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (!payments.DailyRunEnabled)
        {
            await scheduler.DeleteJobs([DailyPaymentRun, BudgetClosings, RiskScan], cancellationToken);
            return;
        }

        await EnsureAsync(scheduler, JobBuilder.Create<DailyPaymentRunJob>().WithIdentity(DailyPaymentRun).StoreDurably().RequestRecovery().Build(), payments.DailyRunAt, cancellationToken);
        await EnsureAsync(scheduler, JobBuilder.Create<BudgetClosingsJob>().WithIdentity(BudgetClosings).StoreDurably().RequestRecovery().Build(), BudgetClosingsAt, cancellationToken);
        await EnsureAsync(scheduler, RiskScanJob.Detail(), RiskScanAt, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnsureAsync(IScheduler scheduler, IJobDetail detail, TimeOnly at, CancellationToken cancellationToken)
    {
        var triggerKey = new TriggerKey(detail.Key.Name, detail.Key.Group);
        var cron = Scheduling.Daily(at);
        if (await scheduler.GetTrigger(triggerKey, cancellationToken) is ICronTrigger existing
            && existing.CronExpressionString == cron && existing.TimeZone.Id == AmsterdamClock.Zone.Id)
        {
            return;
        }

        var now = time.GetUtcNow().ToAmsterdam();
        var startOfToday = new DateTimeOffset(now.Date, now.Offset);
        var trigger = TriggerBuilder.Create()
            .WithIdentity(triggerKey)
            .ForJob(detail)
            .StartAt(startOfToday)
            .WithCronSchedule(cron, c => c.InTimeZone(AmsterdamClock.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            // A failed firing (the lease held by a manual run, the database away) is tried again every minute for
            // an hour; the job is idempotent for its day.
            .WithRetryPolicy(RetryPolicy.Fixed(60, TimeSpan.FromMinutes(1)))
            .Build();
        await scheduler.ScheduleJob(detail, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
        LogScheduled(logger, detail.Key.Name, cron);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled job {Job}: {Cron} (Amsterdam time)")]
    private static partial void LogScheduled(ILogger logger, string job, string cron);
}
