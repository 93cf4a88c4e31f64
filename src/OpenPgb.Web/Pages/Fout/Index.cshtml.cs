using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Web.Infrastructure;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Pages.Fout;

[IgnoreAntiforgeryToken]
public sealed class IndexModel(GrantorNames grantors) : PageModel
{
    public string Title { get; private set; } = string.Empty;

    public string Explanation { get; private set; } = string.Empty;

    /// <summary>
    /// For an employee serving several grantors who finds nothing on a grantor page: the other grantors, and the page
    /// to return to after switching. A page of another grantor is "not found" (ids reveal nothing), so the hint says
    /// it may belong to another grantor, without saying whether it does.
    /// </summary>
    public IReadOnlyList<(int Id, string Name)> OtherGrantors { get; private set; } = [];

    public string? ReturnPath { get; private set; }

    public async Task OnGetAsync(int code, CancellationToken cancellationToken) => await DescribeAsync(code, cancellationToken);

    public async Task OnPostAsync(int code, CancellationToken cancellationToken) => await DescribeAsync(code, cancellationToken);

    private async Task DescribeAsync(int code, CancellationToken cancellationToken)
    {
        (Title, Explanation) = code switch
        {
            403 => ("Geen toegang", "U heeft geen toegang tot deze pagina met uw huidige rol."),
            404 => ("Pagina niet gevonden", "Deze pagina of dit gegeven bestaat niet, of u heeft er geen toegang toe."),
            409 => ("Dit kan nu niet", "Deze actie past niet bij de huidige stand van zaken, bijvoorbeeld omdat u al hebt ondertekend. Ververs de pagina en probeer het opnieuw."),
            429 => ("Te veel verzoeken", "Probeer het over een minuut opnieuw."),
            _ => ("Er ging iets mis", "Probeer het later opnieuw. Blijft het probleem, neem dan contact op met de SVB."),
        };

        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        if (code == 404 && original?.OriginalPath is { } path && path.StartsWith("/verstrekker/", StringComparison.Ordinal)
            && User.IsInRole(PortalClaims.EmployeeRole) && User.GrantorsOf() is { Count: > 1 } served)
        {
            var active = User.ActiveGrantorOf();
            OtherGrantors = [.. (await grantors.NamesOfAsync(served, cancellationToken)).Where(g => g.Id != active)];
            ReturnPath = path + original.OriginalQueryString;
        }
    }
}
