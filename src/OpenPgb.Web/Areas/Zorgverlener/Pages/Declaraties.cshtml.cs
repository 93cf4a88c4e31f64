using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Claims;

namespace OpenPgb.Web.Areas.Zorgverlener.Pages;

public sealed class DeclaratiesModel(ClaimQueries queries) : PageModel
{
    public IReadOnlyList<ClaimRow> Claims { get; private set; } = [];

    public IReadOnlyList<PaymentRow> Payments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Claims = await queries.ListAsync(null, cancellationToken);
        Payments = await queries.PaymentsAsync(cancellationToken);
    }
}
