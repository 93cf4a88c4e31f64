using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Letters;

namespace OpenPgb.Web.Areas.Budgethouder.Pages;

public sealed class BerichtenModel(LetterService letters) : PageModel
{
    public IReadOnlyList<LetterRow> Letters { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Letters = await letters.VisibleLettersAsync(cancellationToken);
}
