using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.CareProviders;
using OpenPgb.Core.Common;
using OpenPgb.Web.Infrastructure;
using OpenPgb.Web.Pages;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Budgethouder.Pages;

/// <summary>
/// The agreement wizard: find (or invite) the provider, fill in the terms, save as a draft. The draft is resumed on
/// the edit page; nothing is sent to anyone until both sides have signed.
/// </summary>
public sealed class NieuwModel(CareAgreementQueries queries, CareAgreementService agreements, CareProviderService providers) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "toekenning")]
    public long GrantId { get; set; }

    [BindProperty(SupportsGet = true, Name = "zoek")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "zorgverlener")]
    public long? ProviderId { get; set; }

    [BindProperty]
    public AgreementForm Form { get; set; } = new();

    [BindProperty]
    public InvitationInput Invitation { get; set; } = new();

    public GrantChoices Choices { get; private set; } = null!;

    public IReadOnlyList<CareProvider> Found { get; private set; } = [];

    public CareProvider? Provider { get; private set; }

    public string? InvitationCode { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!await agreements.CanActOnGrantAsync(User.ToActor(), GrantId, cancellationToken))
        {
            return Forbid();
        }

        Form = new AgreementForm { StartDate = Choices.StartDate, EndDate = Choices.EndDate, Type = null, TariffUnit = TariffUnit.Hour };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Provider is null)
        {
            return NotFound();
        }

        // Only this step's fields: the invitation form's (bound on every post) are not on the page now.
        OnlyErrorsOf(nameof(Form));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (terms, field, error) = Form.ToTerms();
        if (terms is null)
        {
            ModelState.AddModelError($"Form.{field}", error!);
            return Page();
        }

        try
        {
            var id = await agreements.DraftAsync(User.ToActor(), GrantId, Provider.Id, terms, cancellationToken);
            TempData["Melding"] = "Het concept is opgeslagen. Teken het, en vraag de zorgverlener om te tekenen.";
            return RedirectToPage("/Zorgovereenkomst", new { area = "Budgethouder", id });
        }
        catch (BusinessRuleException refused)
        {
            ModelState.AddRefusal(refused, AgreementForm.FieldOf);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var invited = await providers.InviteAsync(
                User.ToActor(),
                GrantId,
                Invitation.Kind,
                Invitation.Name ?? string.Empty,
                new CareProviderDetails(Invitation.KvkNumber, null, null, new PostalAddress(Invitation.Street ?? string.Empty, Invitation.HouseNumber ?? string.Empty, Invitation.PostalCode ?? string.Empty, Invitation.City ?? string.Empty), Invitation.Iban ?? string.Empty),
                cancellationToken);
            Provider = invited;
            ProviderId = invited.Id;
            Search = invited.ProviderNumber;
            InvitationCode = invited.InvitationCode;
            Form = new AgreementForm { StartDate = Choices.StartDate, EndDate = Choices.EndDate, TariffUnit = TariffUnit.Hour };
            ModelState.Clear();
        }
        catch (BusinessRuleException refused)
        {
            // Only the invitation's own errors: the agreement fields are the next step, not on the page yet.
            OnlyErrorsOf(nameof(Invitation));
            ModelState.AddModelError("Invitation", refused.Message);
        }

        return Page();
    }

    private void OnlyErrorsOf(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var choices = await queries.ChoicesForGrantAsync(GrantId, cancellationToken);
        if (choices is null)
        {
            return false;
        }

        Choices = choices;
        if (!string.IsNullOrWhiteSpace(Search))
        {
            Found = await providers.FindAsync(Search, cancellationToken);
        }

        // Only a provider the search found: a provider's name is never shown for just any id in the address.
        if (ProviderId is { } id)
        {
            Provider = Found.FirstOrDefault(p => p.Id == id);
        }

        return true;
    }

    public sealed class InvitationInput
    {
        public CareProviderKind Kind { get; set; } = CareProviderKind.Person;

        public string? Name { get; set; }

        public string? KvkNumber { get; set; }

        public string? Street { get; set; }

        public string? HouseNumber { get; set; }

        public string? PostalCode { get; set; }

        public string? City { get; set; }

        public string? Iban { get; set; }
    }
}
