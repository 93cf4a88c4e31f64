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
            return Redirect("/beheer/verstrekkers");
        }

        if (User.IsInRole(PortalClaims.EmployeeRole))
        {
            return Redirect("/verstrekker");
        }

        if (User.IsInRole(PortalClaims.CitizenRole))
        {
            return Redirect(await CitizenStartAsync(User.BsnOf()!, cancellationToken));
        }

        if (User.IsInRole(PortalClaims.CareProviderRole))
        {
            return Redirect("/zorgverlener");
        }

        return Page();
    }

    /// <summary>
    /// A citizen starts at their own budget; a representative without a budget of their own starts at the person they
    /// represent (or the list, when there are several) rather than at an empty "Mijn budget".
    /// </summary>
    private async Task<string> CitizenStartAsync(string bsn, CancellationToken cancellationToken)
    {
        if (await grants.HoldsAGrantAsync(bsn, cancellationToken))
        {
            return "/budgethouder";
        }

        return await grants.RepresentedAsync(bsn, cancellationToken) switch
        {
            [var only] => $"/vertegenwoordiger/budget/{only.GrantId}",
            [] => "/budgethouder",
            _ => "/vertegenwoordiger",
        };
    }
}
