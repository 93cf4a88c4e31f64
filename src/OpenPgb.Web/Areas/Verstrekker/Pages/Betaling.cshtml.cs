using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Claims;
using OpenPgb.Core.WorkTasks;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Verstrekker.Pages;

/// <summary>A payment of the grantor, reached from the "payment returned" work task.</summary>
public sealed class BetalingModel(ClaimQueries queries, WorkTaskService tasks) : PageModel
{
    public PaymentRow Payment { get; private set; } = null!;

    public string ProviderName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await queries.PaymentAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        (Payment, ProviderName) = found;
        return Page();
    }

    public async Task<IActionResult> OnPostDoneAsync(long id, CancellationToken cancellationToken)
    {
        if (await queries.PaymentAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        await tasks.CompleteOpenAsync(WorkTaskType.PaymentReturned, WorkTaskSubject.Payment, id, User.ToActor().Name, cancellationToken);
        TempData["Melding"] = "De werktaak is afgehandeld.";
        return RedirectToPage("/Betaling", new { area = "Verstrekker", id });
    }
}
