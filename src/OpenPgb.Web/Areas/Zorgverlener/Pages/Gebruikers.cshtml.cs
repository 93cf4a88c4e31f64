using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.CareProviders;
using OpenPgb.Core.Common;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Zorgverlener.Pages;

/// <summary>The users of the provider organisation; a user adds a colleague (local accounts until eHerkenning).</summary>
public sealed class GebruikersModel(CareProviderService providers) : PageModel
{
    public IReadOnlyList<string> Users { get; private set; } = [];

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Users = await providers.UserNamesAsync(User.ToActor(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (string.IsNullOrWhiteSpace(DisplayName))
            {
                ModelState.AddModelError(nameof(DisplayName), "Vul de naam van uw collega in.");
            }

            if (string.IsNullOrEmpty(Password))
            {
                ModelState.AddModelError(nameof(Password), "Kies een wachtwoord voor uw collega.");
            }

            if (!ModelState.IsValid)
            {
                Users = await providers.UserNamesAsync(User.ToActor(), cancellationToken);
                return Page();
            }

            var userName = await providers.AddColleagueAsync(User.ToActor(), DisplayName!, Password!, cancellationToken);
            TempData["NieuweGebruiker"] = userName;
            return RedirectToPage("/Gebruikers", new { area = "Zorgverlener" });
        }
        catch (BusinessRuleException refused)
        {
            ModelState.AddModelError(refused.Rule == "GebruikerAanmaken" ? nameof(Password) : string.Empty, refused.Message);
            Users = await providers.UserNamesAsync(User.ToActor(), cancellationToken);
            return Page();
        }
    }
}
