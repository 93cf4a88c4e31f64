using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Payments;
using Quartz;

namespace OpenPgb.Web.Jobs;

/// <summary>
/// The daily payment run, fired by the scheduler at <see cref="PaymentOptions.DailyRunAt"/> (Amsterdam time) on one
/// node of the cluster. It books only on banking days. The payment-run lease keeps it apart from a manual run or the
/// CLI; while another run holds it, the firing fails and the trigger's retry policy tries again a minute later. A run
/// cut off by a crash is resumed by the scheduler's recovery on another node, or by the next firing (ADR 0006).
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class DailyPaymentRunJob(
    PaymentRunService runs,
    PaymentOptions options,
    DatabaseSettings database,
    AccessScopeAccessor access,
    TimeProvider time,
    ILogger<DailyPaymentRunJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        access.Current = AccessScope.System;
        var today = time.Today();
        if (!BankingCalendar.IsBankingDay(today))
        {
            LogNotBankingDay(logger, today);
            context.Result = "geen bankdag";
            return;
        }

        await using var lease = await JobLease.TryAcquireAsync(database, PaymentRunService.LeaseName, cancellationToken)
            ?? throw new JobExecutionException("Another payment run holds the lease; the daily run is tried again in a minute.");
        var result = await runs.RunAsync(PaymentRunKind.Daily, today, "dagelijkse betaalrun", options.OutputDirectory, cancellationToken);
        LogRun(logger, today, result.Outcome, result.Claims);
        context.Result = $"{result.Outcome}: {result.Claims} declaraties";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily payment run {Date}: {Outcome}, {Claims} claims")]
    private static partial void LogRun(ILogger logger, DateOnly date, PaymentRunOutcome outcome, int claims);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily payment run {Date}: not a banking day, nothing booked")]
    private static partial void LogNotBankingDay(ILogger logger, DateOnly date);
}
