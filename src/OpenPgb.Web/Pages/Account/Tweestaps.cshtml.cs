using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OpenPgb.Core.Accounts;

namespace OpenPgb.Web.Pages.Account;

[EnableRateLimiting("login")]
public sealed class TweestapsModel(SignInManager<PortalUser> signIn) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Inloggen") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Account/Inloggen");
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Code.Replace(" ", string.Empty, StringComparison.Ordinal), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : Url.Page("/Index", new { area = "" })!);
        }

        Error = result.IsLockedOut ? "Uw account is tijdelijk geblokkeerd." : "De code is onjuist of verlopen.";
        return Page();
    }
}
