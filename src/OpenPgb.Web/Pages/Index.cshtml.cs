using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Pages;

public sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
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
            return Redirect("/budgethouder");
        }

        if (User.IsInRole(PortalClaims.CareProviderRole))
        {
            return Redirect("/zorgverlener");
        }

        return Page();
    }
}
