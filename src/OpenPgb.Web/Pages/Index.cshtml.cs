using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Grants;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Pages;

public sealed class IndexModel(GrantQueries grants) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.IsInRole(PortalClaims.OperatorRole))
        {
            return RedirectToPage("/Index", new { area = "Beheer" });
        }

        if (User.IsInRole(PortalClaims.EmployeeRole))
        {
            return RedirectToPage("/Index", new { area = "Verstrekker" });
        }

        if (User.IsInRole(PortalClaims.CitizenRole))
        {
            return await CitizenStartAsync(User.BsnOf()!, cancellationToken);
        }

        if (User.IsInRole(PortalClaims.CareProviderRole))
        {
            return RedirectToPage("/Index", new { area = "Zorgverlener" });
        }

        return Page();
    }

    /// <summary>
    /// A citizen starts at their own budget; a representative without a budget of their own starts at the person they
    /// represent (or the list, when there are several) rather than at an empty "Mijn budget".
    /// </summary>
    private async Task<IActionResult> CitizenStartAsync(string bsn, CancellationToken cancellationToken)
    {
        if (await grants.HoldsAGrantAsync(bsn, cancellationToken))
        {
            return RedirectToPage("/Index", new { area = "Budgethouder" });
        }

        return await grants.RepresentedAsync(bsn, cancellationToken) switch
        {
            [var only] => RedirectToPage("/Budget", new { area = "Vertegenwoordiger", id = only.GrantId }),
            [] => RedirectToPage("/Index", new { area = "Budgethouder" }),
            _ => RedirectToPage("/Index", new { area = "Vertegenwoordiger" }),
        };
    }
}
