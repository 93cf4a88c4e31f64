using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Payments;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Beheer.Pages;

/// <summary>Payment runs for operators: status, counts and sums, returned payments, the file, and a manual run.</summary>
public sealed class BetaalrunsModel(PaymentRunQueries queries, PaymentRunService runs, ManualPaymentRuns manual, BankFeedbackService feedback) : PageModel
{
    public IReadOnlyList<PaymentRunRow> Runs { get; private set; } = [];

    /// <summary>The latest manual run request, to show its progress or result.</summary>
    public PaymentRunRequest? Latest { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Runs = await queries.RecentAsync(50, cancellationToken);
        var recent = await manual.RecentAsync(1, cancellationToken);
        Latest = recent.Count > 0 ? recent[0] : null;
    }

    /// <summary>Queues a manual run; a background job runs it and the page follows its progress.</summary>
    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        var request = await manual.RequestAsync(User.ToActor().Name, cancellationToken);
        TempData["Melding"] = request.RequestedBy == User.ToActor().Name && request.Status == PaymentRunRequestStatus.Queued
            ? "De betaalrun staat klaar om te starten. U kunt hier de voortgang volgen."
            : $"Er loopt al een betaalrun (gestart door {request.RequestedBy}); u kunt hier de voortgang volgen.";
        return RedirectToPage("/Betaalruns", new { area = "Beheer" });
    }

    /// <summary>The progress of a manual run request, for the page's script (polled every few seconds).</summary>
    public async Task<IActionResult> OnGetVoortgangAsync(long id, CancellationToken cancellationToken) =>
        await manual.FindAsync(id, cancellationToken) is { } request
            ? new JsonResult(new { status = request.Status.ToString(), klaar = !request.IsActive, tekst = ProgressText(request) })
            : NotFound();

    public static string ProgressText(PaymentRunRequest request) => request.Status switch
    {
        PaymentRunRequestStatus.Queued => "Handmatige betaalrun: in de wachtrij.",
        PaymentRunRequestStatus.Running => $"Handmatige betaalrun bezig: {request.Phase}.",
        PaymentRunRequestStatus.Completed => request.Result ?? "Handmatige betaalrun klaar.",
        PaymentRunRequestStatus.Failed => request.Result ?? "De handmatige betaalrun is mislukt.",
    };

    /// <summary>A pain.002 or camt.054 from the bank: returned payments are reversed and their claims wait for a new IBAN.</summary>
    public async Task<IActionResult> OnPostFeedbackAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            TempData["Fout"] = "Kies een bestand van de bank (pain.002 of camt.054).";
            return RedirectToPage("/Betaalruns", new { area = "Beheer" });
        }

        using var content = new MemoryStream();
        await file.CopyToAsync(content, cancellationToken);
        try
        {
            var result = await feedback.ImportAsync(content.ToArray(), file.FileName, User.ToActor().Name, cancellationToken);
            TempData["Melding"] = result.AlreadyImported
                ? "Dit bestand was al verwerkt; er is niets gewijzigd."
                : $"Terugmelding verwerkt: {Plural.Of(result.Returned, "betaling", "betalingen")} teruggeboekt, {result.AlreadyReturned} al eerder, {result.ToCheck} met een ander bedrag dan betaald (werktaak voor de verstrekker), {result.Unknown.Count} onbekend"
                    + (result.Unknown.Count == 0 ? "." : $": {string.Join(", ", result.Unknown.Take(10))}. Lees het bestand opnieuw in als dat is uitgezocht.");
        }
        catch (BankFeedbackException refused)
        {
            TempData["Fout"] = refused.Message;
        }

        return RedirectToPage("/Betaalruns", new { area = "Beheer" });
    }

    /// <summary>The run's pain.001 file, regenerated from the stored run: the same bytes as the file sent to the bank.</summary>
    public async Task<IActionResult> OnGetBestandAsync(long id, CancellationToken cancellationToken)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            await runs.WriteFileToAsync(id, file, cancellationToken);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }

        file.Position = 0;
        return File(file, "application/xml", $"betaalrun-{id}.xml");
    }
}
