using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Grants;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Vertegenwoordiger.Pages;

public sealed class BudgetModel(GrantQueries grants) : PageModel
{
    public GrantView Grant { get; private set; } = null!;

    public RepresentedGrantRow Row { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        // Only grants this citizen represents in the current version; their own grant lives under "Mijn budget".
        var row = (await grants.RepresentedAsync(User.BsnOf()!, cancellationToken)).FirstOrDefault(r => r.GrantId == id);
        if (row is null || await grants.GrantAsync(id, cancellationToken) is not { } grant)
        {
            return NotFound();
        }

        (Row, Grant) = (row, grant);
        return Page();
    }
}
