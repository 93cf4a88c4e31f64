using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Letters;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Budgethouder.Pages;

/// <summary>A letter as a web page (readable with any screen reader, at any zoom), and the same letter as a tagged PDF.</summary>
public sealed class BriefModel(LetterService letters) : PageModel
{
    public Letter Letter { get; private set; } = null!;

    public LetterContent? Text { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await letters.OpenAsync(User.ToActor(), id, cancellationToken) is not { } letter)
        {
            return NotFound();
        }

        Letter = letter;
        Text = letter.Content;
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(long id, CancellationToken cancellationToken) =>
        await letters.OpenAsync(User.ToActor(), id, cancellationToken) is { } letter
            ? File(letter.Pdf, "application/pdf", $"brief-{letter.Id}.pdf")
            : NotFound();
}
