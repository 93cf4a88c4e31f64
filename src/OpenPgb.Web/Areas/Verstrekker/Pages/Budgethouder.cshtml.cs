using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Letters;
using OpenPgb.Web.Pages;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Verstrekker.Pages;

public sealed class BudgethouderModel(GrantQueries grants, CareAgreementQueries agreements, ClaimQueries claims, LetterService letters) : PageModel
{
    public BudgetHolderRow Holder { get; private set; } = null!;

    public IReadOnlyList<GrantView> Grants { get; private set; } = [];

    public IReadOnlyDictionary<long, GrantActivity> Activity { get; private set; } = new Dictionary<long, GrantActivity>();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        // Outside the active grantor's scope the holder does not exist: 404, not 403, so ids reveal nothing.
        if (await grants.BudgetHolderAsync(User.ToActor(), id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        (Holder, Grants) = found;
        var activity = new Dictionary<long, GrantActivity>();
        foreach (var grant in Grants)
        {
            activity[grant.Id] = await GrantActivity.LoadAsync(grant.Id, "Verstrekker", agreements, claims, letters, cancellationToken);
        }

        Activity = activity;
        return Page();
    }
}
