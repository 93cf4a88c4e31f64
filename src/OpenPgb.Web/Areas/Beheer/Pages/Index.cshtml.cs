using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Common;
using OpenPgb.Core.Payments;
using OpenPgb.Core.Risk;

namespace OpenPgb.Web.Areas.Beheer.Pages;

/// <summary>The operators' start page: payments within the norm per week, what is overdue and why, open risk signals.</summary>
public sealed class IndexModel(PaymentDeadlines deadlines, RiskSignalService signals, TimeProvider time) : PageModel
{
    public const int Weeks = 8;

    public IReadOnlyList<PaymentNormWeek> Norm { get; private set; } = [];

    public IReadOnlyList<IGrouping<UnpaidReason, DueClaim>> OverdueByReason { get; private set; } = [];

    public int Overdue { get; private set; }

    public int OpenSignals { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = time.Today();
        Norm = await deadlines.PaidWithinNormAsync(today, Weeks, cancellationToken);
        var overdue = (await deadlines.DueAsync(today, 0, cancellationToken)).Where(c => c.BankingDaysLate > 0).ToList();
        Overdue = overdue.Count;
        OverdueByReason = [.. overdue.GroupBy(c => c.Reason).OrderByDescending(g => g.Count())];
        OpenSignals = (await signals.ListAsync(RiskSignalStatus.Open, cancellationToken)).Count;
    }
}
