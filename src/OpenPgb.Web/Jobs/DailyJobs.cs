using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Payments;

namespace OpenPgb.Web.Jobs;

/// <summary>
/// Starts the daily payment run on banking days from <see cref="PaymentOptions.DailyRunAt"/> (Amsterdam time). Every
/// node runs this job; the database lease lets one of them book, and the run itself is once per business date, so
/// checking every minute is harmless. A run interrupted by a crash is completed by the next check. Once a day it also
/// produces the 507s that have become due and last month's fixed monthly claims.
/// </summary>
internal sealed partial class DailyJobs(IServiceScopeFactory scopes, PaymentOptions options, DatabaseSettings database, TimeProvider time, ILogger<DailyJobs> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private DateOnly _closedOn;

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToAmsterdam();
        var today = DateOnly.FromDateTime(now.DateTime);
        await ProduceBudgetClosingsAsync(today, cancellationToken);
        if (!options.DailyRunEnabled || !BankingCalendar.IsBankingDay(today) || TimeOnly.FromDateTime(now.DateTime) < options.DailyRunAt)
        {
            return;
        }

        await using var lease = await JobLease.TryAcquireAsync(database, PaymentRunService.LeaseName, cancellationToken);
        if (lease is null)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Current = AccessScope.System;
        var result = await scope.ServiceProvider.GetRequiredService<PaymentRunService>().RunAsync(PaymentRunKind.Daily, today, "dagelijkse betaalrun", options.OutputDirectory, cancellationToken);
        if (result.Outcome != PaymentRunOutcome.AlreadyDone)
        {
            LogRun(logger, today, result.Outcome, result.Claims);
        }
    }

    // Once a day, at the first tick: due 507s and last month's fixed monthly claims. Both are idempotent, so a restart
    // that repeats them is harmless.
    private async Task ProduceBudgetClosingsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        if (!options.DailyRunEnabled || _closedOn == today)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Current = AccessScope.System;
        var produced = await scope.ServiceProvider.GetRequiredService<Core.BudgetClosing.BudgetClosingService>().ProduceDueAsync(today, cancellationToken);

        // Last month's fixed monthly claims (once per month however often this runs: their keys are unique).
        await scope.ServiceProvider.GetRequiredService<Core.Claims.FixedMonthlyClaims>().CreateForMonthAsync(today.AddMonths(-1), cancellationToken);
        _closedOn = today;
        LogClosings(logger, produced);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Produced} budget closing messages (507) produced")]
    private static partial void LogClosings(ILogger logger, int produced);

    [LoggerMessage(Level = LogLevel.Error, Message = "The daily payment run failed; it is tried again in a minute")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily payment run {Date}: {Outcome}, {Claims} claims")]
    private static partial void LogRun(ILogger logger, DateOnly date, PaymentRunOutcome outcome, int claims);
}
