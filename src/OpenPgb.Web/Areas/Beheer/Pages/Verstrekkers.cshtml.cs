using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Grantors;

namespace OpenPgb.Web.Areas.Beheer.Pages;

public sealed class VerstrekkersModel(GrantorQueries queries, GrantorService grantors) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = string.Empty;

    [BindProperty]
    public string Name { get; set; } = string.Empty;

    [BindProperty]
    public GrantorKind Kind { get; set; }

    [BindProperty]
    public DateOnly? LiveFrom { get; set; }

    public IReadOnlyList<GrantorRow> Grantors { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Grantors = await queries.ListAsync(cancellationToken);

    public async Task OnPostAddAsync(CancellationToken cancellationToken)
    {
        try
        {
            var grantor = await grantors.AddAsync(Code.Trim(), Name, Kind, LiveFrom, cancellationToken);
            Message = $"Verstrekker {grantor.Code} {grantor.Name} is toegevoegd.";
            ModelState.Clear();
            (Code, Name, LiveFrom) = (string.Empty, string.Empty, null);
        }
        catch (GrantorException ex)
        {
            Error = ex.Message;
        }

        Grantors = await queries.ListAsync(cancellationToken);
    }

    public async Task OnPostLiveFromAsync(int grantorId, DateOnly? liveFrom, CancellationToken cancellationToken)
    {
        try
        {
            await grantors.SetLiveFromAsync(grantorId, liveFrom, cancellationToken);
            Message = "De live-datum is opgeslagen.";
        }
        catch (GrantorException ex)
        {
            Error = ex.Message;
        }

        Grantors = await queries.ListAsync(cancellationToken);
    }
}
