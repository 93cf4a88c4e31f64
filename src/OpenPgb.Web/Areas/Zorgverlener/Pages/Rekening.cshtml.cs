using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.CareProviders;
using OpenPgb.Core.Common;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Zorgverlener.Pages;

public sealed class RekeningModel(CareProviderService providers) : PageModel
{
    public string CurrentIban { get; private set; } = string.Empty;

    [BindProperty]
    public string? Iban { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        CurrentIban = (await providers.GetAsync(User.ToActor().CareProviderId!.Value, cancellationToken))!.Iban;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var again = await providers.ChangeIbanAsync(User.ToActor(), Iban ?? string.Empty, cancellationToken);
            TempData["Melding"] = again == 0
                ? "Uw rekeningnummer is gewijzigd."
                : $"Uw rekeningnummer is gewijzigd; {again} teruggekomen declaratie(s) worden in de volgende betaalrun opnieuw betaald.";
            return Redirect("/zorgverlener/rekening");
        }
        catch (BusinessRuleException refused)
        {
            ModelState.AddModelError(nameof(Iban), refused.Message);
            return await OnGetAsync(cancellationToken);
        }
    }
}
