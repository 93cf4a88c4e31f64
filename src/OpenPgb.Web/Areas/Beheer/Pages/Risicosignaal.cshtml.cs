using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Risk;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Beheer.Pages;

/// <summary>One risk signal, read-only for operators: the decision is the grantor's.</summary>
public sealed class RisicosignaalModel(RiskSignalService signals) : PageModel
{
    public RiskSignal Signal { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await signals.OpenAsync(User.ToActor(), id, cancellationToken) is not { } signal)
        {
            return NotFound();
        }

        Signal = signal;
        return Page();
    }
}
