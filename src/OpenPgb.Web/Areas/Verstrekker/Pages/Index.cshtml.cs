using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ipgb;

namespace OpenPgb.Web.Areas.Verstrekker.Pages;

public sealed class IndexModel(GrantQueries grants, IntakeLogQueries intake) : PageModel
{
    public int BudgetHolders { get; private set; }

    public int Grants { get; private set; }

    public int Messages { get; private set; }

    public int Rejected { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (BudgetHolders, Grants) = await grants.CountsAsync(cancellationToken);
        (Messages, Rejected) = await intake.CountsAsync(cancellationToken);
    }
}
