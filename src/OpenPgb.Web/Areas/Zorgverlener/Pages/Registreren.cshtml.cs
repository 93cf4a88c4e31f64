using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using OpenPgb.Core.CareProviders;
using OpenPgb.Core.Common;

namespace OpenPgb.Web.Areas.Zorgverlener.Pages;

/// <summary>
/// A care provider registers (or completes a budget holder's invitation with its code) and gets a local account;
/// eHerkenning and DigiD replace the account later.
/// </summary>
[EnableRateLimiting("login")]
public sealed class RegistrerenModel(CareProviderService providers) : PageModel
{
    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    public string? ProviderNumber { get; private set; }

    /// <summary>The login name OpenPgb assigned, shown once after registration.</summary>
    public string? AssignedUserName { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var details = new CareProviderDetails(Input.KvkNumber, Input.AgbCode, Input.VatNumber, new PostalAddress(Input.Street ?? string.Empty, Input.HouseNumber ?? string.Empty, Input.PostalCode ?? string.Empty, Input.City ?? string.Empty), Input.Iban ?? string.Empty);
        try
        {
            var registration = string.IsNullOrWhiteSpace(Input.InvitationCode)
                ? await providers.RegisterAsync(Input.Kind, Input.Name ?? string.Empty, details, Input.ContactName!, Input.Password!, cancellationToken)
                : await providers.AcceptInvitationAsync(Input.InvitationCode, details, Input.ContactName!, Input.Password!, cancellationToken);
            ProviderNumber = registration.Provider.ProviderNumber;
            AssignedUserName = registration.UserName;
            return Page();
        }
        catch (BusinessRuleException refused)
        {
            ModelState.AddModelError(FieldOf(refused.Rule), refused.Message);
            return Page();
        }
    }

    // The field a refusal is about, so the message stands beside it (WCAG 3.3.1).
    private static string FieldOf(string rule) => rule switch
    {
        "NaamIsVerplicht" or "NaamInLatijnseLetters" => "Input.Name",
        "KvkNummerIsVerplicht" => "Input.KvkNumber",
        "AgbCodeHeeftAchtCijfers" => "Input.AgbCode",
        "BtwNummerMoetGeldigZijn" => "Input.VatNumber",
        "AdresIsVolledig" => "Input.Street",
        "IbanMoetGeldigZijn" => "Input.Iban",
        "UitnodigingscodeMoetKloppen" => "Input.InvitationCode",
        "GebruikerAanmaken" => "Input.Password",
        "GebruikerVolledig" => "Input.ContactName",
        _ => string.Empty,
    };

    public sealed class RegistrationInput
    {
        public string? InvitationCode { get; set; }

        public CareProviderKind Kind { get; set; } = CareProviderKind.Organisation;

        public string? Name { get; set; }

        public string? KvkNumber { get; set; }

        public string? AgbCode { get; set; }

        public string? VatNumber { get; set; }

        public string? Street { get; set; }

        public string? HouseNumber { get; set; }

        public string? PostalCode { get; set; }

        public string? City { get; set; }

        public string? Iban { get; set; }

        [Required(ErrorMessage = "Vul uw naam in.")]
        public string? ContactName { get; set; }

        [Required(ErrorMessage = "Kies een wachtwoord van ten minste 12 tekens.")]
        [MinLength(12, ErrorMessage = "Kies een wachtwoord van ten minste 12 tekens.")]
        public string? Password { get; set; }
    }
}
