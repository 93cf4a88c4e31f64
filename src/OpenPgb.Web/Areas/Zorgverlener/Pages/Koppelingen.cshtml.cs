using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.CareProviders;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Zorgverlener.Pages;

/// <summary>Tokens for the provider's own software (POST /api/claims/v1); a new secret is shown once.</summary>
public sealed class KoppelingenModel(CareProviderService providers) : PageModel
{
    public IReadOnlyList<ProviderApiToken> Tokens { get; private set; } = [];

    public string? NewSecret { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Tokens = await providers.ApiTokensAsync(User.ToActor(), cancellationToken);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        NewSecret = await providers.IssueApiTokenAsync(User.ToActor(), cancellationToken);
        Tokens = await providers.ApiTokensAsync(User.ToActor(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken cancellationToken)
    {
        await providers.RevokeApiTokenAsync(User.ToActor(), id, cancellationToken);
        return RedirectToPage("/Koppelingen", new { area = "Zorgverlener" });
    }
}
