using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Common;
using OpenPgb.Web.Infrastructure;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Budgethouder.Pages;

public sealed class ZorgovereenkomstModel(CareAgreementQueries queries, CareAgreementService agreements) : PageModel
{
    public AgreementView View { get; private set; } = null!;

    [BindProperty]
    public DateOnly? EndDate { get; set; }

    [BindProperty]
    public string? EndReason { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>Signing binds: it needs the explicit "I agree" (WCAG 3.3.4), else the page asks for it.</summary>
    [BindProperty]
    public bool Akkoord { get; set; }

    public async Task<IActionResult> OnPostSignAsync(long id, CancellationToken cancellationToken)
    {
        if (!Akkoord)
        {
            ModelState.AddModelError(nameof(Akkoord), "Vink aan dat u de afspraken hebt gelezen en ermee akkoord gaat; pas dan kunt u ondertekenen.");
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        await agreements.SignAsBudgetHolderAsync(User.ToActor(), id, cancellationToken);
        TempData["Melding"] = "U hebt de zorgovereenkomst ondertekend.";
        return RedirectToPage("/Zorgovereenkomst", new { area = "Budgethouder", id });
    }

    public async Task<IActionResult> OnPostEndAsync(long id, CancellationToken cancellationToken)
    {
        if (EndDate is not { } endDate)
        {
            ModelState.AddModelError(nameof(EndDate), "Vul de datum in waarop de zorgovereenkomst eindigt.");
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        try
        {
            await agreements.EndAsync(User.ToActor(), id, endDate, EndReason ?? string.Empty, cancellationToken);
            TempData["Melding"] = "De zorgovereenkomst is beëindigd.";
            return RedirectToPage("/Zorgovereenkomst", new { area = "Budgethouder", id });
        }
        catch (BusinessRuleException refused)
        {
            ModelState.AddRefusal(refused, rule => rule switch
            {
                CareAgreementService.EndReasonRule => nameof(EndReason),
                CareAgreementService.EndDateRule => nameof(EndDate),
                _ => string.Empty,
            });
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
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
