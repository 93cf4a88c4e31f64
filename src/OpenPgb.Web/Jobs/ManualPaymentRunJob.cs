using OpenPgb.Core.Payments;

namespace OpenPgb.Web.Jobs;

/// <summary>
/// Runs the manual payment runs operators queue on the Betaalruns page, outside any web request. Every node polls;
/// the payment-run lease lets one of them run a request at a time.
/// </summary>
internal sealed partial class ManualPaymentRunJob(ManualPaymentRuns runs, TimeProvider time, ILogger<ManualPaymentRunJob> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await runs.RunNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Taking a queued manual payment run failed; it is tried again in two seconds")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
