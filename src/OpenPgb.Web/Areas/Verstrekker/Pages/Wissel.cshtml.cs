using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Accounts;

namespace OpenPgb.Web.Areas.Verstrekker.Pages;

/// <summary>
/// Chain authorisation (ketenmachtiging): switches the active grantor among those the employee serves, without
/// logging out. The choice is stored with the account, so the next request (its rights re-read by the session
/// validator) and the next session start there.
/// </summary>
public sealed class WisselModel(AccountService accounts) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index", new { area = "Verstrekker" });

    public async Task<IActionResult> OnPostAsync(int grantorId, string? terug, CancellationToken cancellationToken)
    {
        await accounts.SwitchActiveGrantorAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, grantorId, cancellationToken);
        // Back to the page the employee was on, if it is one of this area's; else the start page.
        var start = Url.Page("/Index", new { area = "Verstrekker" })!;
        return LocalRedirect(Url.IsLocalUrl(terug) && terug!.StartsWith(start, StringComparison.Ordinal) ? terug : start);
    }
}
