using OpenPgb.Core.BudgetClosing;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using Quartz;

namespace OpenPgb.Web.Jobs;

/// <summary>
/// Once a day, just after midnight (Amsterdam time), on one node of the cluster: the 507s that have become due and
/// last month's fixed monthly claims. Both are idempotent (a 507 once per budget, a monthly claim's key is unique), so
/// a retry or a recovered firing repeats nothing.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class BudgetClosingsJob(
    BudgetClosingService closings,
    FixedMonthlyClaims monthlyClaims,
    AccessScopeAccessor access,
    TimeProvider time,
    ILogger<BudgetClosingsJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        access.Current = AccessScope.System;
        var today = time.Today();
        var produced = await closings.ProduceDueAsync(today, cancellationToken);
        await monthlyClaims.CreateForMonthAsync(today.AddMonths(-1), cancellationToken);
        LogClosings(logger, produced);
        context.Result = $"{produced} 507-berichten";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Produced} budget closing messages (507) produced")]
    private static partial void LogClosings(ILogger logger, int produced);
}
