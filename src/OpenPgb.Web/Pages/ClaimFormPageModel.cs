using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Common;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Pages;

/// <summary>
/// The claim form, shared by the provider's page and the budget holder's (who claims for an informal carer): choose
/// an approved agreement, enter the claim, see every refusal reason or go back to the list with a message.
/// </summary>
public abstract class ClaimFormPageModel(ClaimQueries queries, ClaimService claims, bool informalCarersOnly, string listArea, string submittedMessage) : PageModel
{
    [BindProperty]
    public ClaimForm Form { get; set; } = new();

    public IReadOnlyList<(long Id, string Label, IReadOnlyList<string> CareFunctions, TariffUnit Unit)> Agreements { get; private set; } = [];

    public IReadOnlyList<RuleViolation> Violations { get; private set; } = [];

    public async Task OnGetAsync(long? overeenkomst, CancellationToken cancellationToken)
    {
        Agreements = await queries.ClaimableAgreementsAsync(informalCarersOnly, await ActionableGrantsAsync(cancellationToken), cancellationToken);
        Form.AgreementId = overeenkomst ?? (Agreements.Count > 0 ? Agreements[0].Id : 0);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (input, errors) = Form.ToInput();
        if (input is null)
        {
            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError($"Form.{field}", message);
            }

            return await AgainAsync(cancellationToken);
        }

        try
        {
            await claims.SubmitAsync(User.ToActor(), input, ClaimChannel.Portal, cancellationToken);
        }
        catch (ClaimRefusedException refused)
        {
            // Every reason beside the field it is about (the summary lists them all), the rest for the claim as a whole.
            Violations = refused.Violations;
            foreach (var violation in refused.Violations)
            {
                ModelState.AddModelError(ClaimForm.FieldOf(violation.Rule) is { } field ? $"Form.{field}" : string.Empty, violation.Message);
            }

            return await AgainAsync(cancellationToken);
        }

        TempData["Melding"] = string.Format(Core.Common.DutchCulture.Instance, submittedMessage, input.InvoiceNumber.Trim());
        return RedirectToPage("/Declaraties", new { area = listArea });
    }

    /// <summary>The grants whose agreements the form offers; null for all in scope (a provider's own agreements).</summary>
    protected virtual Task<IReadOnlySet<long>?> ActionableGrantsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlySet<long>?>(null);

    private async Task<IActionResult> AgainAsync(CancellationToken cancellationToken)
    {
        Agreements = await queries.ClaimableAgreementsAsync(informalCarersOnly, await ActionableGrantsAsync(cancellationToken), cancellationToken);
        return Page();
    }
}
