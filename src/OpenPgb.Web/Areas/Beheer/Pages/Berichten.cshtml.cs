using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Ipgb;

namespace OpenPgb.Web.Areas.Beheer.Pages;

public sealed class BerichtenModel(IntakeLogQueries intake) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Pagina { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public bool Afgekeurd { get; set; }

    public IntakePage Log { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Log = await intake.PageAsync(Pagina, Afgekeurd, null, cancellationToken);
}
