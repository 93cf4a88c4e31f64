using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Grants;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Budgethouder.Pages;

public sealed class ZorgovereenkomstenModel(CareAgreementQueries agreements, GrantQueries grants) : PageModel
{
    public IReadOnlyList<AgreementRow> Agreements { get; private set; } = [];

    /// <summary>Grants the user may contract on: their own, and those they represent with write rights.</summary>
    public IReadOnlyList<(long GrantId, string Label)> WritableGrants { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Agreements = await agreements.ListAsync(null, cancellationToken);
        var bsn = User.BsnOf()!;
        var own = await grants.OwnGrantsAsync(bsn, cancellationToken);
        var represented = await grants.RepresentedAsync(bsn, cancellationToken);
        WritableGrants =
        [
            .. own.Select(g => (g.Id, $"Budget {g.BudgetKey} ({g.GrantorName})")),
            .. represented.Where(r => r.Rights == RepresentativeRights.ReadWrite).Select(r => (r.GrantId, $"Budget {r.BudgetKey} van {r.HolderName} ({r.GrantorName})")),
        ];
    }
}
