using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Audit;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Budgethouder.Pages;

/// <summary>"Wie heeft mijn gegevens bekeken": the access log about the signed-in budget holder (NEN 7513).</summary>
public sealed class InzageModel(AccessLogQueries log) : PageModel
{
    public IReadOnlyList<AccessLogRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await log.AboutMeAsync(User.BsnOf()!, 200, cancellationToken);
}
