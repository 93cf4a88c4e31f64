using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Letters;
using OpenPgb.Core.Reports;
using OpenPgb.Web.Pages;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Vertegenwoordiger.Pages;

public sealed class BudgetModel(GrantQueries grants, CareAgreementQueries agreements, ClaimQueries claims, LetterService letters, BudgetForecastService forecasts) : PageModel
{
    public GrantView Grant { get; private set; } = null!;

    public RepresentedGrantRow Row { get; private set; } = null!;

    public GrantActivity Activity { get; private set; } = null!;

    public IReadOnlyList<BudgetForecast> Forecasts { get; private set; } = [];

    public int WaitingClaims => Activity.Claims.Count(c => c.Status == ClaimStatus.Submitted);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        // Only grants this citizen represents in the current version; their own grant lives under "Mijn budget".
        var row = (await grants.RepresentedAsync(User.BsnOf()!, cancellationToken)).FirstOrDefault(r => r.GrantId == id);
        if (row is null || await grants.GrantAsync(id, cancellationToken) is not { } grant)
        {
            return NotFound();
        }

        (Row, Grant) = (row, grant);
        Activity = await GrantActivity.LoadAsync(id, "Budgethouder", agreements, claims, letters, cancellationToken);
        Forecasts = await forecasts.ForGrantsAsync([id], cancellationToken);
        return Page();
    }
}
