using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Common;
using OpenPgb.Core.Conversion;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Ipgb;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Beheer.Pages;

/// <summary>
/// One grantor's way over, for the operator: upload the PGB1 export and the grantor's 501s (over the conversion
/// channel), then compare, trial, freeze, convert and go live, each step as the CLI takes it (one
/// <see cref="ConversionWorkflow"/>), with the latest outcome and its reports to download.
/// </summary>
[RequestSizeLimit(2L * 1024 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 2L * 1024 * 1024 * 1024)]
public sealed class ConversieModel(
    OpenPgbDbContext db,
    TrancheService tranches,
    ConversionWorkflow workflow,
    ConversionFiles files,
    MessageFileImporter importer,
    GrantorService grantors,
    TimeProvider time) : PageModel
{
    public Grantor Grantor { get; private set; } = null!;

    public TrancheBoard? Tranche { get; private set; }

    public TrancheBoardRow? Row { get; private set; }

    public StepSummary? LastCompare { get; private set; }

    public StepSummary? LastConversion { get; private set; }

    public IReadOnlyList<StepSummary> History { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name, DateOnly FreezeDate)> LaterTranches { get; private set; } = [];

    public int OpenDifferences { get; private set; }

    public DateTimeOffset? ExportUploadedAt { get; private set; }

    public bool IsConverted { get; private set; }

    public DateOnly Today => time.Today();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostExportAsync(string code, List<IFormFile> upload, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(code, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await files.SaveExportAsync(code, Open(upload), cancellationToken);
            TempData["Melding"] = "De export is opgeslagen. Vergelijk hem met de 501-berichten van de verstrekker, of start een proefconversie.";
        }
        catch (UploadException refused)
        {
            TempData["Fout"] = refused.Message;
        }

        return Back(code);
    }

    public async Task<IActionResult> OnPostBerichtenAsync(string code, List<IFormFile> upload, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(code, cancellationToken))
        {
            return NotFound();
        }

        string? directory = null;
        try
        {
            directory = await files.UnpackMessagesAsync(code, Open(upload), cancellationToken);
            var summary = await importer.ImportAsync(MessageFileImporter.EnumerateMessageFiles([directory]), null, MessageChannel.Conversion, null, cancellationToken, onlySender: code);
            var rejected = summary.RejectionsByCode.Select(r => $"{r.Key} ({ReturnCodes.Describe(r.Key)}): {r.Value}");
            TempData[summary.Rejected == 0 ? "Melding" : "Fout"] =
                $"501-berichten ingelezen via het conversiekanaal: {Plural.Of(summary.Accepted, "bericht", "berichten")} goedgekeurd, {summary.Replayed} al eerder ontvangen, {summary.Rejected} afgekeurd"
                + (summary.Rejected == 0 ? "." : ": " + string.Join("; ", rejected) + ".");
        }
        catch (UploadException refused)
        {
            TempData["Fout"] = refused.Message;
        }
        finally
        {
            if (directory is not null)
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        return Back(code);
    }

    public Task<IActionResult> OnPostCompareAsync(string code, CancellationToken cancellationToken) =>
        StepAsync(code, async (export, output) =>
        {
            var result = await workflow.CompareAsync(code, export, null, output, User.ToActor().Name, cancellationToken);
            return result.IsUnusable
                ? (false, $"Vergelijken kon niet: de export heeft {Plural.Of(result.Findings.Count(f => f.Severity == FindingSeverity.Blocking), "blokkerende bevinding", "blokkerende bevindingen")}; zie het rapport.")
                : (true, result.Differences.Count == 0
                    ? "Vergeleken: de export en de 501-berichten komen overeen."
                    : $"Vergeleken: {Plural.Of(result.Differences.Count, "verschil", "verschillen")} ({result.TasksOpened} nieuwe werktaken voor de verstrekker, {result.TasksClosed} opgelost).");
        }, cancellationToken);

    public Task<IActionResult> OnPostTrialAsync(string code, CancellationToken cancellationToken) =>
        StepAsync(code, async (export, output) => Outcome(await workflow.TrialAsync(code, export, output, User.ToActor().Name, cancellationToken)), cancellationToken);

    public Task<IActionResult> OnPostRunAsync(string code, CancellationToken cancellationToken) =>
        StepAsync(code, async (export, output) => Outcome(await workflow.RunAsync(code, export, output, User.ToActor().Name, cancellationToken)), cancellationToken);

    public async Task<IActionResult> OnPostFreezeAsync(string code, CancellationToken cancellationToken)
    {
        try
        {
            await tranches.FreezeAsync(code, cancellationToken);
            TempData["Melding"] = "De verstrekker is bevroren: PGB1 verwerkt geen wijzigingen meer. Upload de laatste export en converteer.";
        }
        catch (Exception ex) when (ex is TrancheException or IllegalTransitionException)
        {
            TempData["Fout"] = ex.Message;
        }

        return Back(code);
    }

    public async Task<IActionResult> OnPostLiveAsync(string code, DateOnly? liveFrom, CancellationToken cancellationToken)
    {
        if (liveFrom is null)
        {
            TempData["Fout"] = "Vul de livedatum in: vanaf die dag lopen de 501-berichten van de verstrekker via de gewone kanalen.";
            return Back(code);
        }

        try
        {
            await grantors.GoLiveAsync(code, liveFrom.Value, cancellationToken);
            TempData["Melding"] = $"De verstrekker gaat live op {liveFrom:dd-MM-yyyy}.";
        }
        catch (GrantorException ex)
        {
            TempData["Fout"] = ex.Message;
        }

        return Back(code);
    }

    public async Task<IActionResult> OnPostPostponeAsync(string code, int? toTrancheId, CancellationToken cancellationToken)
    {
        try
        {
            await tranches.PostponeAsync(code, toTrancheId ?? 0, cancellationToken);
            TempData["Melding"] = "De verstrekker is naar de latere tranche verplaatst.";
        }
        catch (Exception ex) when (ex is TrancheException or IllegalTransitionException)
        {
            TempData["Fout"] = ex.Message;
        }

        return Back(code);
    }

    /// <summary>A step's report: the workbook (xlsx) or every file it wrote (zip).</summary>
    public async Task<IActionResult> OnGetReportAsync(string code, long id, string? soort, CancellationToken cancellationToken)
    {
        var grantorId = await db.Grantors.Where(g => g.Code == code).Select(g => (int?)g.Id).SingleOrDefaultAsync(cancellationToken);
        return await ConversionReports.DownloadAsync(db, grantorId, id, soort, cancellationToken);
    }

    private async Task<IActionResult> StepAsync(string code, Func<string, string, Task<(bool Ok, string Message)>> step, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(code, cancellationToken))
        {
            return NotFound();
        }

        if (!files.HasExport(code))
        {
            TempData["Fout"] = "Upload eerst de export van PGB1.";
            return Back(code);
        }

        var output = Directory.CreateTempSubdirectory("openpgb-conversion-step-").FullName;
        try
        {
            var (ok, message) = await step(files.ExportDirectory(code), output);
            TempData[ok ? "Melding" : "Fout"] = message;
        }
        catch (ConversionBusyException)
        {
            TempData["Fout"] = "Er loopt een betaalrun; de conversie is niet gestart. Probeer het opnieuw als de betaalrun klaar is.";
        }
        catch (ConversionException ex)
        {
            TempData["Fout"] = ex.Message;
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }

        return Back(code);
    }

    private static (bool, string) Outcome(ConversionReport report)
    {
        var s = report.Summary;
        var text = ConversionReportWriter.StatusText(s.Status);
        return s.IsRefused
            ? (false, $"{text}: {Plural.Of(s.BlockingFindings, "blokkerende bevinding", "blokkerende bevindingen")}; zie het rapport.")
            : (true, $"{text}: {Plural.Of(s.BudgetHolders, "budgethouder", "budgethouders")}, {Plural.Of(s.Claims, "declaratie", "declaraties")}, {Plural.Of(s.Warnings, "waarschuwing", "waarschuwingen")}.");
    }

    private static List<UploadedFile> Open(List<IFormFile> upload) =>
        [.. upload.Where(f => f.Length > 0).Select(f => new UploadedFile(f.FileName, f.OpenReadStream()))];

    private RedirectToPageResult Back(string code) => RedirectToPage("/Conversie", new { area = "Beheer", code });

    private Task<bool> ExistsAsync(string code, CancellationToken cancellationToken) => db.Grantors.AnyAsync(g => g.Code == code, cancellationToken);

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (await db.Grantors.AsNoTracking().SingleOrDefaultAsync(g => g.Code == code, cancellationToken) is not { } grantor)
        {
            return false;
        }

        Grantor = grantor;
        (Tranche, Row, LastCompare, LastConversion) = await tranches.OfGrantorAsync(grantor.Id, cancellationToken);
        History = await db.ConversionSteps.AsNoTracking().Where(r => r.GrantorId == grantor.Id).OrderByDescending(r => r.Id).Take(10)
            .Select(r => new StepSummary(r.Id, r.Kind, r.Outcome, r.Differences, r.BlockingFindings, r.Warnings, r.BudgetHolders, r.Claims, r.At, r.By))
            .ToListAsync(cancellationToken);
        OpenDifferences = await db.OpenDifferences.CountAsync(d => d.GrantorId == grantor.Id && d.GoneAt == null, cancellationToken);
        ExportUploadedAt = files.ExportUploadedAt(code);
        IsConverted = await db.GrantorConversions.AnyAsync(c => c.GrantorId == grantor.Id, cancellationToken);
        LaterTranches = Tranche is null ? [] : await tranches.LaterThanAsync(Tranche.FreezeDate, cancellationToken);
        return true;
    }
}
