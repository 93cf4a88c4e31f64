namespace OpenPgb.Web.Jobs;

/// <summary>
/// Background work queued in the database (manual payment runs, CSV uploads): every node polls at an interval and
/// handles what is waiting, one item after another, until nothing is left; a lease in the work itself lets one node
/// handle an item at a time. A failure is logged and tried again at the next tick.
/// </summary>
internal abstract partial class PollingJob(TimeSpan interval, TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>Handles the next waiting item; false when there was none (or another node holds the lease).</summary>
    protected abstract Task<bool> RunNextAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await RunNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex, GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Job} failed to take its next item; it tries again at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job);
}
