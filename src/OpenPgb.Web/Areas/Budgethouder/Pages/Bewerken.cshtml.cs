using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Common;
using OpenPgb.Web.Infrastructure;
using OpenPgb.Web.Pages;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Budgethouder.Pages;

/// <summary>Resumes a draft, or proposes a change to an approved agreement (a new version, signed and assessed again).</summary>
public sealed class BewerkenModel(CareAgreementQueries queries, CareAgreementService agreements) : PageModel
{
    [BindProperty]
    public AgreementForm Form { get; set; } = new();

    public AgreementView View { get; private set; } = null!;

    public GrantChoices Choices { get; private set; } = null!;

    public bool IsChange => View.Shown.Status != AgreementStatus.Draft;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form = AgreementForm.From(View.Shown.Terms);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

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
            if (IsChange)
            {
                await agreements.StartChangeAsync(User.ToActor(), id, terms, cancellationToken);
            }
            else
            {
                await agreements.UpdateDraftAsync(User.ToActor(), id, terms, cancellationToken);
            }

            TempData["Melding"] = "Het concept is opgeslagen.";
            return RedirectToPage("/Zorgovereenkomst", new { area = "Budgethouder", id });
        }
        catch (BusinessRuleException refused)
        {
            ModelState.AddRefusal(refused, AgreementForm.FieldOf);
            return Page();
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
        Choices = (await queries.ChoicesForGrantAsync(view.Agreement.GrantId, cancellationToken))!;
        return true;
    }
}
