using OpenPgb.Core.Payments;

namespace OpenPgb.Web.Jobs;

/// <summary>
/// Runs the manual payment runs operators queue on the Betaalruns page, outside any web request. Every node polls;
/// the payment-run lease lets one of them run a request at a time.
/// </summary>
internal sealed class ManualPaymentRunJob(ManualPaymentRuns runs, TimeProvider time, ILogger<ManualPaymentRunJob> logger)
    : PollingJob(TimeSpan.FromSeconds(2), time, logger)
{
    protected override Task<bool> RunNextAsync(CancellationToken cancellationToken) => runs.RunNextAsync(cancellationToken);
}
