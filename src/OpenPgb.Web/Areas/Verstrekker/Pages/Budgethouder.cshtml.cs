using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Grants;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Verstrekker.Pages;

public sealed class BudgethouderModel(GrantQueries grants) : PageModel
{
    public BudgetHolderRow Holder { get; private set; } = null!;

    public IReadOnlyList<GrantView> Grants { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        // Outside the active grantor's scope the holder does not exist: 404, not 403, so ids reveal nothing.
        if (await grants.BudgetHolderAsync(User.ToActor(), id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        (Holder, Grants) = found;
        return Page();
    }
}
