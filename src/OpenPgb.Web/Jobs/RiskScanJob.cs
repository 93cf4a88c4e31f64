using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Risk;
using Quartz;

namespace OpenPgb.Web.Jobs;

/// <summary>
/// The risk scan, nightly on one node of the cluster and on demand (an operator's button triggers this same job). The
/// scan is idempotent: on the same data it adds nothing, so a retry or a recovered firing repeats nothing.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class RiskScanJob(RiskScanService scan, AccessScopeAccessor access, TimeProvider time, ILogger<RiskScanJob> logger) : IJob
{
    public static IJobDetail Detail() => JobBuilder.Create<RiskScanJob>().WithIdentity(ScheduleRegistration.RiskScan).StoreDurably().RequestRecovery().Build();

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        access.Current = AccessScope.System;
        var result = await scan.RunAsync(time.Today(), cancellationToken)
            ?? throw new JobExecutionException("Another risk scan is running; this firing is retried.");
        LogScan(logger, result.Findings, result.Raised, result.Updated, result.Unchanged, result.Skipped);
        context.Result = $"{result.Raised} nieuwe risicosignalen";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Risk scan: {Findings} findings, {Raised} new signals, {Updated} updated, {Unchanged} unchanged, {Skipped} skipped")]
    private static partial void LogScan(ILogger logger, int findings, int raised, int updated, int unchanged, int skipped);
}
