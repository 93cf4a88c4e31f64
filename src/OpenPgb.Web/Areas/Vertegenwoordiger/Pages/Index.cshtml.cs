using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Grants;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Vertegenwoordiger.Pages;

public sealed class IndexModel(GrantQueries grants) : PageModel
{
    public IReadOnlyList<RepresentedGrantRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await grants.RepresentedAsync(User.BsnOf()!, cancellationToken);
}
