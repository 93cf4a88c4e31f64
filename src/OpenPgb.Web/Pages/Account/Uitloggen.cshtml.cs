using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Accounts;

namespace OpenPgb.Web.Pages.Account;

/// <summary>
/// Signing out is a POST with the antiforgery token (from the header's button or this page), so no link or image
/// elsewhere can end a session. GET only says whether you are signed in and offers the button; it never claims a
/// sign-out that did not happen.
/// </summary>
public sealed class UitloggenModel(SignInManager<PortalUser> signIn) : PageModel
{
    public bool SignedIn { get; private set; }

    public void OnGet() => SignedIn = User.Identity?.IsAuthenticated == true;

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage();
    }
}
