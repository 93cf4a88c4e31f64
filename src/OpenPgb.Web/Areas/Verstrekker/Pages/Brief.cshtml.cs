using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Letters;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Verstrekker.Pages;

/// <summary>A letter of the grantor: the PDF, and for letters the grantor prints itself, "marked sent".</summary>
public sealed class BriefModel(LetterService letters) : PageModel
{
    public Letter Letter { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, bool pdf, CancellationToken cancellationToken)
    {
        var letter = await letters.OpenAsync(User.ToActor(), id, cancellationToken);
        if (letter is null)
        {
            return NotFound();
        }

        Letter = letter;
        return pdf ? File(letter.Pdf, "application/pdf", $"brief-{letter.Id}.pdf") : Page();
    }

    public async Task<IActionResult> OnPostSentAsync(long id, CancellationToken cancellationToken)
    {
        await letters.MarkSentByGrantorAsync(User.ToActor(), id, cancellationToken);
        TempData["Melding"] = "De brief is als verstuurd gemarkeerd.";
        return RedirectToPage("/Brief", new { area = "Verstrekker", id });
    }
}
