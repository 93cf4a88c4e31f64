using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Claims;
using OpenPgb.Web.Pages;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Budgethouder.Pages;

/// <summary>The budget holder submits for an informal carer (family or friend without their own account).</summary>
public sealed class DeclaratieNieuwModel(ClaimQueries queries, ClaimService claims) : PageModel
{
    [BindProperty]
    public ClaimForm Form { get; set; } = new();

    public IReadOnlyList<(long Id, string Label, IReadOnlyList<string> CareFunctions, TariffUnit Unit)> Agreements { get; private set; } = [];

    public IReadOnlyList<ClaimViolation> Violations { get; private set; } = [];

    public async Task OnGetAsync(long? overeenkomst, CancellationToken cancellationToken)
    {
        Agreements = await queries.ClaimableAgreementsAsync(informalCarersOnly: true, cancellationToken);
        Form.AgreementId = overeenkomst ?? 0;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (input, error) = Form.ToInput();
        if (input is null)
        {
            ModelState.AddModelError(string.Empty, error!);
            Agreements = await queries.ClaimableAgreementsAsync(informalCarersOnly: true, cancellationToken);
            return Page();
        }

        try
        {
            await claims.SubmitAsync(User.ToActor(), input, ClaimChannel.Portal, cancellationToken);
        }
        catch (ClaimRefusedException refused)
        {
            Violations = refused.Violations;
            Agreements = await queries.ClaimableAgreementsAsync(informalCarersOnly: true, cancellationToken);
            return Page();
        }

        TempData["Melding"] = $"Declaratie {input.InvoiceNumber.Trim()} is ingediend; keur hem hieronder goed.";
        return Redirect("/budgethouder/declaraties");
    }
}
