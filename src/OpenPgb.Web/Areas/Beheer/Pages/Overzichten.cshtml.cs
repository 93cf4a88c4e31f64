using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Common;
using OpenPgb.Core.Reports;
using OpenPgb.Web.Pages;

namespace OpenPgb.Web.Areas.Beheer.Pages;

/// <summary>Operators' overviews across grantors for a period: intake rejections per grantor and retour code, payment runs per month.</summary>
public sealed class OverzichtenModel(OperatorReports reports, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "van")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "tot")]
    public DateOnly? To { get; set; }

    public ReportPeriod? Period { get; private set; }

    public IReadOnlyList<IntakeRejectionRow> Rejections { get; private set; } = [];

    public IReadOnlyList<PaymentRunMonth> Runs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Period = ReportPeriodForm.Read(ModelState, From, To, time.Today());
        if (Period is null)
        {
            return;
        }

        Rejections = await reports.IntakeRejectionsAsync(Period, cancellationToken);
        Runs = await reports.PaymentRunsByMonthAsync(Period, cancellationToken);
    }
}
