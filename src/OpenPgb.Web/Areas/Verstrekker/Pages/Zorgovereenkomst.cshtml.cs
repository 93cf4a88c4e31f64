using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Common;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Verstrekker.Pages;

/// <summary>Assessment: the agreement beside the grant's budgets and the maximum tariff; approve, reject, or confirm (four-eyes).</summary>
public sealed class ZorgovereenkomstModel(CareAgreementQueries queries, CareAgreementService agreements) : PageModel
{
    public AgreementView View { get; private set; } = null!;

    [BindProperty]
    public AssessmentDecision Decision { get; set; }

    [BindProperty]
    public string? ReasonCode { get; set; }

    [BindProperty]
    public string? Explanation { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssessAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            var reason = Decision == AssessmentDecision.Approve ? AssessmentReasons.Approval : ReasonCode ?? string.Empty;
            await agreements.AssessAsync(User.ToActor(), id, Decision, reason, Explanation, cancellationToken);
            TempData["Melding"] = "De beoordeling is vastgelegd.";
            return RedirectToPage("/Zorgovereenkomst", new { area = "Verstrekker", id });
        }
        catch (BusinessRuleException refused)
        {
            var field = refused.Rule switch
            {
                "RedenPastBijBesluit" => nameof(ReasonCode),
                "ToelichtingBijAndereReden" => nameof(Explanation),
                _ => string.Empty,
            };
            ModelState.AddModelError(field, refused.Message);
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
    }

    public async Task<IActionResult> OnPostConfirmAsync(long id, CancellationToken cancellationToken)
    {
        await agreements.ConfirmAssessmentAsync(User.ToActor(), id, cancellationToken);
        TempData["Melding"] = "De beoordeling is bevestigd.";
        return RedirectToPage("/Zorgovereenkomst", new { area = "Verstrekker", id });
    }

    public async Task<IActionResult> OnPostReturnAsync(long id, CancellationToken cancellationToken)
    {
        await agreements.ReturnForReassessmentAsync(User.ToActor(), id, cancellationToken);
        TempData["Melding"] = "De beoordeling is teruggelegd.";
        return RedirectToPage("/Zorgovereenkomst", new { area = "Verstrekker", id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var view = await queries.GetAsync(User.ToActor(), id, cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        return true;
    }
}
