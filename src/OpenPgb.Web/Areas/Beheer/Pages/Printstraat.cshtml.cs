using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Letters;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Beheer.Pages;

/// <summary>
/// The print street: download the waiting letters as one PDF, then mark exactly that batch printed. The batch's ids
/// travel with the form, so letters that arrive in between are not marked by mistake.
/// </summary>
public sealed class PrintstraatModel(LetterService letters) : PageModel
{
    private const int BatchSize = 500;

    public int Waiting { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Waiting = await letters.PrintStreetQueueLengthAsync(cancellationToken);

    public async Task<IActionResult> OnGetBatchAsync(CancellationToken cancellationToken)
    {
        var (pdf, ids) = await letters.PrintStreetBatchAsync(User.ToActor(), BatchSize, cancellationToken);
        if (ids.Count == 0)
        {
            return NotFound();
        }

        Response.Headers["X-Letter-Ids"] = string.Join(',', ids);
        return File(pdf, "application/pdf", $"printstraat-{ids[0]}-{ids[^1]}.pdf");
    }

    public async Task<IActionResult> OnPostPrintedAsync(long firstId, long lastId, CancellationToken cancellationToken)
    {
        var ids = await letters.PrintStreetBatchIdsAsync(BatchSize, cancellationToken);
        var marked = await letters.MarkPrintedAsync(User.ToActor(), [.. ids.Where(id => id >= firstId && id <= lastId)], cancellationToken);
        TempData["Melding"] = $"{marked} brieven gemarkeerd als geprint.";
        return RedirectToPage("/Printstraat", new { area = "Beheer" });
    }
}
