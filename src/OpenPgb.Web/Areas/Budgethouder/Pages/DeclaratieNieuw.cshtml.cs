using OpenPgb.Core.Claims;
using OpenPgb.Core.Grants;
using OpenPgb.Web.Pages;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Budgethouder.Pages;

/// <summary>The budget holder submits for an informal carer (family or friend without their own account).</summary>
public sealed class DeclaratieNieuwModel(ClaimQueries queries, ClaimService claims, GrantQueries grants)
    : ClaimFormPageModel(queries, claims, informalCarersOnly: true, "Budgethouder", "Declaratie {0} is ingediend; keur hem hieronder goed.")
{
    // Only the budgets the citizen may act on: their own and those they represent with write rights.
    protected override async Task<IReadOnlySet<long>?> ActionableGrantsAsync(CancellationToken cancellationToken) =>
        await grants.ActionableGrantIdsAsync(User.BsnOf()!, cancellationToken);
}
