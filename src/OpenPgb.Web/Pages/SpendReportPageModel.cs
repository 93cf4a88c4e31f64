using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Access;
using OpenPgb.Core.Audit;
using OpenPgb.Core.Common;
using OpenPgb.Core.Reports;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Pages;

/// <summary>
/// The spend report's page for a grantor employee (their active grantor) and an operator (a grantor they choose):
/// the care functions of a period, drilled down to their budgets and a budget's claims, as a table, a chart and
/// downloads. Every budget holder shown on screen or put in a file is logged as read (NEN 7513).
/// </summary>
public abstract class SpendReportPageModel(SpendReportService reports, AccessLog accessLog, TimeProvider time) : PageModel
{
    public const int BudgetsPerPage = 50;

    [BindProperty(SupportsGet = true, Name = "van")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "tot")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "zorgfunctie")]
    public string? CareFunction { get; set; }

    [BindProperty(SupportsGet = true, Name = "budget")]
    public long? GrantId { get; set; }

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public SpendReport? Report { get; private set; }

    public IReadOnlyList<BudgetSpend> Budgets { get; private set; } = [];

    public int BudgetCount { get; private set; }

    public BudgetSpend? Budget { get; private set; }

    public IReadOnlyList<SpendClaim> Claims { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public int PageCount => Math.Max(1, (BudgetCount + BudgetsPerPage - 1) / BudgetsPerPage);

    /// <summary>The route values of this report's period (and drill-down), for links and downloads.</summary>
    public Dictionary<string, string> RouteOf(ReportPeriod period, string? careFunction = null, long? grantId = null, int? page = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["van"] = period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["tot"] = period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (careFunction is not null)
        {
            values["zorgfunctie"] = careFunction;
        }

        if (grantId is { } id)
        {
            values["budget"] = id.ToString(CultureInfo.InvariantCulture);
        }

        if (page is > 1)
        {
            values["pagina"] = page.Value.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in ExtraRouteValues())
        {
            values[key] = value;
        }

        return values;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Today = time.Today();
        if (await GrantorIdAsync(cancellationToken) is not { } grantorId || Period() is not { } period)
        {
            return Page();
        }

        try
        {
            Report = await reports.CareFunctionsAsync(grantorId, period, cancellationToken);
            if (CareFunction is null)
            {
                return Page();
            }

            var budgets = await reports.BudgetsAsync(grantorId, period, CareFunction, cancellationToken);
            if (GrantId is { } grant)
            {
                Budget = budgets.SingleOrDefault(b => b.GrantId == grant);
                if (Budget is null)
                {
                    return NotFound();
                }

                Claims = await reports.ClaimsAsync(grantorId, period, grant, CareFunction, cancellationToken);
                await accessLog.ReadAndSaveAsync(User.ToActor(), Budget.BudgetHolderId, "declaraties bekeken in rapportage", $"budget {Budget.BudgetKey}, zorgfunctie {CareFunction}, {period.Label}", cancellationToken);
                return Page();
            }

            BudgetCount = budgets.Count;
            PageNumber = Math.Clamp(PageNumber, 1, PageCount);
            Budgets = [.. budgets.Skip((PageNumber - 1) * BudgetsPerPage).Take(BudgetsPerPage)];
            await accessLog.ReadAndSaveAsync(User.ToActor(), Budgets.Select(b => b.BudgetHolderId), "budget bekeken in rapportage", $"zorgfunctie {CareFunction}, {period.Label}", cancellationToken);
            return Page();
        }
        catch (NotVisibleException)
        {
            return NotFound();
        }
    }

    public Task<IActionResult> OnGetExcelAsync(CancellationToken cancellationToken) =>
        DownloadAsync(
            async (grantorId, period, report, file) =>
            {
                var budgets = await reports.BudgetsAsync(grantorId, period, null, cancellationToken);
                await accessLog.ReadAndSaveAsync(User.ToActor(), budgets.Select(b => b.BudgetHolderId), "budget in rapportage gedownload", $"Excel bestedingen, {period.Label}", cancellationToken);
                await SpendReportFiles.WriteExcelAsync(report, budgets, time.GetUtcNow(), file, cancellationToken);
            },
            SpendReportFiles.ExcelContentType,
            "xlsx",
            cancellationToken);

    public Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        DownloadAsync((_, _, report, file) => SpendReportFiles.WriteCsvAsync(report, file, cancellationToken), SpendReportFiles.CsvContentType, "csv", cancellationToken);

    /// <summary>The grantor whose report this is, or null (with a model error) when none is chosen or allowed.</summary>
    protected abstract Task<int?> GrantorIdAsync(CancellationToken cancellationToken);

    /// <summary>Route values a page adds to every link of the report (the operator's choice of grantor).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> ExtraRouteValues() => [];

    private ReportPeriod? Period() => ReportPeriodForm.Read(ModelState, From, To, time.Today());

    // A download of the report of the period asked for; the page with its errors when the period is wrong.
    private async Task<IActionResult> DownloadAsync(Func<int, ReportPeriod, SpendReport, Stream, Task> write, string contentType, string extension, CancellationToken cancellationToken)
    {
        if (await GrantorIdAsync(cancellationToken) is not { } grantorId || Period() is not { } period)
        {
            return await OnGetAsync(cancellationToken);
        }

        try
        {
            var report = await reports.CareFunctionsAsync(grantorId, period, cancellationToken);
            var file = new MemoryStream();
            await write(grantorId, period, report, file);
            file.Position = 0;
            return File(file, contentType, SpendReportFiles.FileName(report, extension));
        }
        catch (NotVisibleException)
        {
            return NotFound();
        }
    }
}
