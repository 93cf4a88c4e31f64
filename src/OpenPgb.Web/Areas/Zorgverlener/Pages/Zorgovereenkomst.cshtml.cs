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

    public async Task<IActionResult> OnPostSignAsync(long id, CancellationToken cancellationToken)
    {
        await agreements.SignAsProviderAsync(User.ToActor(), id, cancellationToken);
        TempData["Melding"] = "U hebt de zorgovereenkomst ondertekend.";
        return Redirect($"/zorgverlener/zorgovereenkomst/{id}");
    }
}
