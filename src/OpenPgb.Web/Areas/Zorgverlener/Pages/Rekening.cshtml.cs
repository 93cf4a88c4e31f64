using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.CareProviders;
using OpenPgb.Core.Common;
using OpenPgb.Core.Payments;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Zorgverlener.Pages;

/// <summary>
/// The account payments go to. A change is checked, then shown for confirmation before it takes effect (WCAG 3.3.4:
/// money goes to this account from the next run on).
/// </summary>
public sealed class RekeningModel(CareProviderService providers) : PageModel
{
    public string CurrentName { get; private set; } = string.Empty;

    public string CurrentIban { get; private set; } = string.Empty;

    /// <summary>True on the confirmation step.</summary>
    public bool Confirming { get; private set; }

    [BindProperty]
    public string? AccountHolderName { get; set; }

    [BindProperty]
    public string? Iban { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        AccountHolderName ??= CurrentName;
        return Page();
    }

    /// <summary>Step 1: check the new details and ask for confirmation.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(AccountHolderName))
        {
            ModelState.AddModelError(nameof(AccountHolderName), "Vul de naam van de rekeninghouder in.");
        }
        else if (SepaText.NameProblem(AccountHolderName) is { } nameProblem)
        {
            ModelState.AddModelError(nameof(AccountHolderName), nameProblem);
        }

        if (OpenPgb.Core.Parties.Iban.Validate(Iban ?? string.Empty) is { } ibanProblem)
        {
            ModelState.AddModelError(nameof(Iban), ibanProblem);
        }

        Confirming = ModelState.ErrorCount == 0;
        return Page();
    }

    /// <summary>Step 2: the confirmed change.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        try
        {
            var again = await providers.ChangeAccountAsync(User.ToActor(), AccountHolderName ?? string.Empty, Iban ?? string.Empty, cancellationToken);
            TempData["Melding"] = again == 0
                ? "Uw rekeninggegevens zijn gewijzigd."
                : $"Uw rekeninggegevens zijn gewijzigd; {Plural.Of(again, "declaratie wordt", "declaraties worden")} in de volgende betaalrun betaald.";
            return RedirectToPage("/Rekening", new { area = "Zorgverlener" });
        }
        catch (BusinessRuleException refused)
        {
            ModelState.AddModelError(nameof(Iban), refused.Message);
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    public static string Format(string iban) => OpenPgb.Core.Parties.Iban.Format(iban);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var provider = (await providers.GetAsync(User.ToActor().CareProviderId!.Value, cancellationToken))!;
        CurrentName = provider.Name;
        CurrentIban = provider.Iban;
    }
}
