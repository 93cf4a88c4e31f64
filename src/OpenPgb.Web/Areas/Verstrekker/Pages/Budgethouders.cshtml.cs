using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Grants;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Verstrekker.Pages;

public sealed class BudgethoudersModel(GrantQueries grants) : PageModel
{
    public const int MaxRows = 100;

    [BindProperty(SupportsGet = true)]
    public string? Naam { get; set; }

    [BindProperty]
    public string? Bsn { get; set; }

    public IReadOnlyList<BudgetHolderRow> Rows { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await grants.SearchBudgetHoldersAsync(User.ToActor(), Naam, null, MaxRows, cancellationToken);

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        var bsn = Bsn?.Trim();
        if (!OpenPgb.Core.Parties.Bsn.IsValid(bsn))
        {
            Error = "Vul een geldig BSN van 9 cijfers in.";
            return;
        }

        Rows = await grants.SearchBudgetHoldersAsync(User.ToActor(), null, bsn, MaxRows, cancellationToken);
        if (Rows.Count == 0)
        {
            Error = "Geen budgethouder met dit BSN bij uw verstrekker.";
        }

        // Never echo the BSN back into the form.
        Bsn = null;
        ModelState.Clear();
    }
}
