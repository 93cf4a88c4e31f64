using OpenPgb.Core.Audit;
using OpenPgb.Core.Reports;
using OpenPgb.Web.Pages;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Verstrekker.Pages;

/// <summary>Spend per care function of the active grantor, with its drill-down, chart and downloads.</summary>
public sealed class RapportageModel(SpendReportService reports, AccessLog accessLog, TimeProvider time) : SpendReportPageModel(reports, accessLog, time)
{
    protected override Task<int?> GrantorIdAsync(CancellationToken cancellationToken) => Task.FromResult(User.ActiveGrantorOf());
}
