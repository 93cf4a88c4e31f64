using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Conversion;
using OpenPgb.Core.Data;

namespace OpenPgb.Web.Areas.Verstrekker.Pages;

/// <summary>
/// The grantor's own conversion from PGB1: whether it is done (with its figures), the stragglers, and the open
/// differences between the export and the grantor's 501s, each the subject of a "conversieverschil" work task.
/// </summary>
public sealed class ConversieModel(OpenPgbDbContext db) : PageModel
{
    public GrantorConversion? Done { get; private set; }

    public IReadOnlyList<OpenDifference> Differences { get; private set; } = [];

    public int Stragglers { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The scope filters keep this to the employee's own grantor.
        Done = await db.GrantorConversions.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        Differences = await db.OpenDifferences.AsNoTracking().Where(d => d.GoneAt == null)
            .OrderBy(d => d.Bsn).ThenBy(d => d.BudgetKey).ThenBy(d => d.Field).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);
        Stragglers = await db.Stragglers.CountAsync(cancellationToken);
    }
}
