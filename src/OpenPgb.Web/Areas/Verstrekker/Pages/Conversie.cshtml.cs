using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Conversion;
using OpenPgb.Core.Data;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Verstrekker.Pages;

/// <summary>
/// The grantor's own conversion from PGB1: its tranche and state, whether it is done (with its figures), the
/// stragglers, the latest compare and trial with their reports, and the open differences between the export and the
/// grantor's 501s, each the subject of a "conversieverschil" work task.
/// </summary>
public sealed class ConversieModel(OpenPgbDbContext db, TrancheService tranches) : PageModel
{
    public TrancheBoard? Tranche { get; private set; }

    public TrancheBoardRow? Row { get; private set; }

    public IReadOnlyList<StepSummary> Steps { get; private set; } = [];

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

        // The tranche and steps of the active grantor (chain authorisation may give an employee more than one).
        if (User.ToActor().GrantorId is { } id)
        {
            (Tranche, Row, var compare, var conversion) = await tranches.OfGrantorAsync(id, cancellationToken);
            Steps = [.. new[] { compare, conversion }.OfType<StepSummary>()];
        }
    }

    /// <summary>A report of one of the grantor's own steps; another grantor's id answers 404 (scope filter).</summary>
    public Task<IActionResult> OnGetReportAsync(long id, string? soort, CancellationToken cancellationToken) =>
        ConversionReports.DownloadAsync(db, User.ToActor().GrantorId, id, soort, cancellationToken);
}
