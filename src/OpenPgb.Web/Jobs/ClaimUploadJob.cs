using OpenPgb.Core.Claims;

namespace OpenPgb.Web.Jobs;

/// <summary>
/// Submits the CSV uploads providers queue on the upload page, outside any web request: a file of thousands of rows
/// takes longer than a request should live. Every node polls; the upload lease lets one of them work at a time.
/// </summary>
internal sealed partial class ClaimUploadJob(ClaimUploadRunner queue, TimeProvider time, ILogger<ClaimUploadJob> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await queue.RunNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Taking a queued claim upload failed; it is tried again in a second")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
