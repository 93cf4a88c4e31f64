using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Common;
using OpenPgb.Core.Payments;

namespace OpenPgb.Web.Areas.Beheer.Pages;

/// <summary>Approved claims that are overdue or due within two banking days, with why each waits.</summary>
public sealed class BetaaltermijnenModel(PaymentDeadlines deadlines, TimeProvider time) : PageModel
{
    public const int NearlyDueBankingDays = 2;

    public IReadOnlyList<DueClaim> Claims { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Claims = await deadlines.DueAsync(time.Today(), NearlyDueBankingDays, cancellationToken);
}
