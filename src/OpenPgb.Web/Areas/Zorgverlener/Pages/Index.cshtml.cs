using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.CareAgreements;

namespace OpenPgb.Web.Areas.Zorgverlener.Pages;

public sealed class IndexModel(CareAgreementQueries agreements) : PageModel
{
    public IReadOnlyList<AgreementRow> Agreements { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Agreements = await agreements.ListAsync(null, cancellationToken);
}
