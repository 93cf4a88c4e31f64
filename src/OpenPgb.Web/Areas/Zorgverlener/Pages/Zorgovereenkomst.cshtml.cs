using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Zorgverlener.Pages;

public sealed class ZorgovereenkomstModel(CareAgreementQueries queries, CareAgreementService agreements) : PageModel
{
    public AgreementView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var view = await queries.GetAsync(User.ToActor(), id, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    /// <summary>Signing binds: it needs the explicit "I agree" (WCAG 3.3.4), else the page asks for it.</summary>
    [BindProperty]
    public bool Akkoord { get; set; }

    public async Task<IActionResult> OnPostSignAsync(long id, CancellationToken cancellationToken)
    {
        if (!Akkoord)
        {
            ModelState.AddModelError(nameof(Akkoord), "Vink aan dat u de afspraken hebt gelezen en ermee akkoord gaat; pas dan kunt u ondertekenen.");
            return await OnGetAsync(id, cancellationToken);
        }

        await agreements.SignAsProviderAsync(User.ToActor(), id, cancellationToken);
        TempData["Melding"] = "U hebt de zorgovereenkomst ondertekend.";
        return RedirectToPage("/Zorgovereenkomst", new { area = "Zorgverlener", id });
    }
}
