using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Verstrekker.Pages;

/// <summary>
/// Chain authorisation (ketenmachtiging): switches the active grantor among those the employee serves, without
/// logging out. The new cookie keeps every other claim (including the second factor and the session start).
/// </summary>
public sealed class WisselModel : PageModel
{
    public IActionResult OnGet() => Redirect("/verstrekker");

    public async Task<IActionResult> OnPostAsync(int grantorId)
    {
        if (!User.GrantorsOf().Contains(grantorId))
        {
            return Forbid();
        }

        var identity = new ClaimsIdentity(User.Claims.Where(c => c.Type != PortalClaims.ActiveGrantor), User.Identity!.AuthenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(PortalClaims.ActiveGrantor, grantorId.ToString(CultureInfo.InvariantCulture)));
        await HttpContext.SignInAsync(IdentityConstants.ApplicationScheme, new ClaimsPrincipal(identity));
        return Redirect("/verstrekker");
    }
}
