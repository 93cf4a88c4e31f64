using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Risk;
using OpenPgb.Web.Jobs;
using OpenPgb.Web.Pages;
using Quartz;

namespace OpenPgb.Web.Areas.Beheer.Pages;

/// <summary>Risk signals across grantors, for operators, and the scan on demand.</summary>
public sealed class RisicosignalenModel(RiskSignalService signals, ISchedulerFactory schedulers) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "status")]
    public RiskSignalStatus? Status { get; set; }

    public IReadOnlyList<RiskSignalRow> Rows { get; private set; } = [];

    public RiskSignalListModel List => new(Rows, "Beheer", true);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await signals.ListAsync(Status, cancellationToken);

    /// <summary>Starts the scan now, on the node the scheduler picks; the nightly one runs as well.</summary>
    public async Task<IActionResult> OnPostScanAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.AddJob(RiskScanJob.Detail(), new AddJobOptions { Replace = true }, cancellationToken);
        await scheduler.TriggerJob(ScheduleRegistration.RiskScan, cancellationToken);
        TempData["Melding"] = "De risicoscan is gestart. Nieuwe signalen verschijnen hier en als werktaak bij de verstrekker.";
        return RedirectToPage("/Risicosignalen", new { area = "Beheer" });
    }
}
