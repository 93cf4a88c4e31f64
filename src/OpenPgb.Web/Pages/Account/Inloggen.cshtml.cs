using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OpenPgb.Core.Accounts;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace OpenPgb.Web.Pages.Account;

/// <summary>
/// Sign-in that tells nobody which user names exist: an unknown name costs the same password-hash work as a known
/// one, gets the same message, and is counted and locked the same way (per name and address, <see cref="LoginThrottle"/>).
/// </summary>
[EnableRateLimiting("login")]
public sealed class InloggenModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, LoginThrottle throttle) : PageModel
{
    public const string WrongCombination = "De combinatie van gebruikersnaam en wachtwoord is onjuist.";
    public const string Locked = "Inloggen met deze gebruikersnaam is vanaf dit adres 15 minuten geblokkeerd na vijf mislukte pogingen. Probeer het daarna opnieuw.";

    // A hash of a random password made once with the same hasher, so an unknown name costs as much as a known one.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<PortalUser>().HashPassword(new PortalUser(), Guid.NewGuid().ToString("N")));

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userName = UserName?.Trim() ?? string.Empty;
        if (userName.Length == 0)
        {
            ModelState.AddModelError(nameof(UserName), "Vul uw gebruikersnaam in.");
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Vul uw wachtwoord in.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var client = HttpContext.Connection.RemoteIpAddress;
        if (await throttle.IsLockedAsync(userName, client, cancellationToken))
        {
            Error = Locked;
            return Page();
        }

        var user = await users.FindByNameAsync(userName);
        SignInResult result;
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new PortalUser(), DummyHash.Value, Password!);
            result = SignInResult.Failed;
        }
        else
        {
            result = await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: false);
        }

        if (result.Succeeded || result.RequiresTwoFactor)
        {
            await throttle.SucceededAsync(userName, client, cancellationToken);
            return result.RequiresTwoFactor
                ? RedirectToPage("/Account/Tweestaps", new { ReturnUrl })
                : LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : Url.Page("/Index", new { area = "" })!);
        }

        // A failed password, an unknown name and an account an administrator locked all look the same from outside.
        Error = await throttle.FailedAsync(userName, client, cancellationToken) ? Locked : WrongCombination;
        return Page();
    }
}
