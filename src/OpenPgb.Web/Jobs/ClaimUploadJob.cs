using OpenPgb.Core.Claims;

namespace OpenPgb.Web.Jobs;

/// <summary>
/// Submits the CSV uploads providers queue on the upload page, outside any web request: a file of thousands of rows
/// takes longer than a request should live. Every node polls; the upload lease lets one of them work at a time.
/// </summary>
internal sealed class ClaimUploadJob(ClaimUploadRunner runner, TimeProvider time, ILogger<ClaimUploadJob> logger)
    : PollingJob(TimeSpan.FromSeconds(1), time, logger)
{
    protected override Task<bool> RunNextAsync(CancellationToken cancellationToken) => runner.RunNextAsync(cancellationToken);
}
