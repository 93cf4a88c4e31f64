using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Common;
using OpenPgb.Core.Grants;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Budgethouder.Pages;

public sealed class DeclaratiesModel(ClaimQueries queries, ClaimService claims, GrantQueries grants) : PageModel
{
    public IReadOnlyList<ClaimRow> Claims { get; private set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The grants this citizen may approve on; claims of budgets they only read are shown, not offered for approval.</summary>
    public IReadOnlySet<long> Actionable { get; private set; } = new HashSet<long>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Claims = await queries.ListAsync(null, cancellationToken);
        Actionable = await grants.ActionableGrantIdsAsync(User.BsnOf()!, cancellationToken);
    }

    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            TempData["Melding"] = await claims.ApproveAsync(User.ToActor(), id, cancellationToken)
                ? "De declaratie is goedgekeurd en wordt in de eerstvolgende betaalrun betaald."
                : "De declaratie was al goedgekeurd.";
        }
        catch (BusinessRuleException refused)
        {
            TempData["Fout"] = refused.Message;
        }

        return RedirectToPage("/Declaraties", new { area = "Budgethouder" });
    }

    public async Task<IActionResult> OnPostRejectAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            await claims.RejectAsync(User.ToActor(), id, Reason ?? string.Empty, cancellationToken);
            TempData["Melding"] = "De declaratie is afgewezen.";
        }
        catch (BusinessRuleException refused)
        {
            TempData["Fout"] = refused.Message;
        }

        return RedirectToPage("/Declaraties", new { area = "Budgethouder" });
    }

    public async Task<IActionResult> OnPostApproveAllAsync(CancellationToken cancellationToken)
    {
        var (approved, refused) = await claims.ApproveAllAsync(User.ToActor(), cancellationToken);
        TempData["Melding"] = $"{Plural.Of(approved, "declaratie", "declaraties")} goedgekeurd.";
        if (refused.Count > 0)
        {
            TempData["Fout"] = string.Join(" ", refused.Select(r => r.Reason));
        }

        return RedirectToPage("/Declaraties", new { area = "Budgethouder" });
    }
}
