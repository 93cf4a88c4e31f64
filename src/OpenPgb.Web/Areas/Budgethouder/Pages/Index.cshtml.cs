using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Grants;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Budgethouder.Pages;

public sealed class IndexModel(GrantQueries grants) : PageModel
{
    public IReadOnlyList<GrantView> Grants { get; private set; } = [];

    public IReadOnlyList<RepresentedGrantRow> Represented { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Grants = await grants.OwnGrantsAsync(User.BsnOf()!, cancellationToken);
        Represented = await grants.RepresentedAsync(User.BsnOf()!, cancellationToken);
    }
}
