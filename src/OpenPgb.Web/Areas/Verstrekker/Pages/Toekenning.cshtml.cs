using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ipgb;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Verstrekker.Pages;

public sealed class ToekenningModel(GrantQueries grants, IntakeLogQueries intake) : PageModel
{
    public GrantView Grant { get; private set; } = null!;

    public IReadOnlyList<GrantVersionSummary> Versions { get; private set; } = [];

    public IntakePage Messages { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await grants.GrantForStaffAsync(User.ToActor(), id, cancellationToken) is not { } grant)
        {
            return NotFound();
        }

        Grant = grant;
        Versions = await grants.VersionsAsync(id, cancellationToken);
        Messages = await intake.PageAsync(1, rejectedOnly: false, grantId: id, cancellationToken);
        return Page();
    }
}
