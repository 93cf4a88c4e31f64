using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Risk;
using OpenPgb.Web.Pages;

namespace OpenPgb.Web.Areas.Verstrekker.Pages;

/// <summary>The risk signals of the active grantor, open ones first.</summary>
public sealed class RisicosignalenModel(RiskSignalService signals) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "status")]
    public RiskSignalStatus? Status { get; set; }

    public IReadOnlyList<RiskSignalRow> Rows { get; private set; } = [];

    public RiskSignalListModel List => new(Rows, "Verstrekker", false);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await signals.ListAsync(Status, cancellationToken);
}
