using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OpenPgb.Core.Accounts;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Pages.Account;

[Authorize]
public sealed class TweestapsverificatieModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, IOptions<SecurityOptions> security) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = string.Empty;

    public string Key { get; private set; } = string.Empty;

    public bool Enabled { get; private set; }

    public bool SignedInWithMfa { get; private set; }

    public bool Required { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var code = Code.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await LoadAsync(user);
            Error = "De code is onjuist. Controleer de tijd op uw telefoon en probeer het opnieuw.";
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        // Sign in again with the second factor recorded, so staff pages open.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        return RedirectToPage("/Index", new { area = "" });
    }

    private async Task LoadAsync(PortalUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        SignedInWithMfa = User.HasMfa();
        Required = security.Value.RequireTwoFactorForStaff && !User.IsInRole(PortalClaims.CitizenRole);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Making the key changes the security stamp, which ends every session of the user; this one is renewed
            // (with its start and second factor kept) so the user stays signed in.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        Key = key!;
    }
}
