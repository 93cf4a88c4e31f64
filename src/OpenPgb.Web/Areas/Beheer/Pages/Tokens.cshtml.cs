using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Grantors;

namespace OpenPgb.Web.Areas.Beheer.Pages;

public sealed class TokensModel(GrantorQueries queries, GrantorService grantors) : PageModel
{
    public IReadOnlyList<GrantorRow> Grantors { get; private set; } = [];

    public IReadOnlyList<TokenRow> Tokens { get; private set; } = [];

    /// <summary>Shown once, in the response to the issuing POST; never stored, logged or redirected with.</summary>
    public string? IssuedSecret { get; private set; }

    public string? IssuedFor { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task OnPostIssueAsync(string grantorCode, CancellationToken cancellationToken)
    {
        try
        {
            var (_, secret) = await grantors.IssueTokenAsync(grantorCode, cancellationToken);
            (IssuedSecret, IssuedFor) = (secret, grantorCode);
        }
        catch (GrantorException ex)
        {
            Error = ex.Message;
        }

        await LoadAsync(cancellationToken);
    }

    public async Task OnPostRevokeAsync(long tokenId, CancellationToken cancellationToken)
    {
        try
        {
            await grantors.RevokeTokenAsync(tokenId, cancellationToken);
        }
        catch (Exception ex) when (ex is GrantorException or InvalidOperationException)
        {
            Error = "Dit token kan niet worden ingetrokken: " + ex.Message;
        }

        await LoadAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Grantors = await queries.ListAsync(cancellationToken);
        Tokens = await queries.TokensAsync(cancellationToken);
    }
}
