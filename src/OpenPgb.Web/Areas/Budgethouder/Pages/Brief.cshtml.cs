using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Letters;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Budgethouder.Pages;

public sealed class BriefModel(LetterService letters) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await letters.OpenAsync(User.ToActor(), id, cancellationToken) is { } letter
            ? File(letter.Pdf, "application/pdf", $"brief-{letter.Id}.pdf")
            : NotFound();
}
