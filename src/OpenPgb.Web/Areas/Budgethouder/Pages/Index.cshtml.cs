using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Reports;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Budgethouder.Pages;

public sealed class IndexModel(GrantQueries grants, BudgetForecastService forecasts) : PageModel
{
    public IReadOnlyList<GrantView> Grants { get; private set; } = [];

    public IReadOnlyList<RepresentedGrantRow> Represented { get; private set; } = [];

    /// <summary>The forecast of this year per grant, for the grants that have budget this year.</summary>
    public ILookup<long, BudgetForecast> Forecasts { get; private set; } = Array.Empty<BudgetForecast>().ToLookup(f => f.GrantId);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Grants = await grants.OwnGrantsAsync(User.BsnOf()!, cancellationToken);
        Represented = await grants.RepresentedAsync(User.BsnOf()!, cancellationToken);
        Forecasts = (await forecasts.ForGrantsAsync([.. Grants.Select(g => g.Id)], cancellationToken)).ToLookup(f => f.GrantId);
    }
}
