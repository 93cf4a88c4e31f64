using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Audit;
using OpenPgb.Core.Reports;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Verstrekker.Pages;

/// <summary>The active grantor's budgets that run out before their period ends, or stay largely unused, this year.</summary>
public sealed class PrognoseModel(BudgetForecastService forecasts, AccessLog accessLog) : PageModel
{
    public const int MaxRows = 200;

    public IReadOnlyList<BudgetForecast> Budgets { get; private set; } = [];

    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await forecasts.NeedingAttentionAsync(User.ActiveGrantorOf()!.Value, cancellationToken);
        Total = all.Count;
        Budgets = [.. all.Take(MaxRows)];
        await accessLog.ReadAndSaveAsync(User.ToActor(), Budgets.Select(b => b.BudgetHolderId), "budget bekeken in prognose", "prognose budgetten", cancellationToken);
    }
}
