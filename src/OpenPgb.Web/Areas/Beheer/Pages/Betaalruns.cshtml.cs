using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Payments;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Beheer.Pages;

/// <summary>Payment runs for operators: status, counts and sums, returned payments, the file, and a manual run.</summary>
public sealed class BetaalrunsModel(PaymentRunQueries queries, PaymentRunService runs, BankFeedbackService feedback, PaymentOptions options, DatabaseSettings database, TimeProvider time) : PageModel
{
    public IReadOnlyList<PaymentRunRow> Runs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Runs = await queries.RecentAsync(50, cancellationToken);

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        await using var lease = await JobLease.TryAcquireAsync(database, PaymentRunService.LeaseName, cancellationToken);
        if (lease is null)
        {
            TempData["Fout"] = "Er loopt al een betaalrun. Probeer het later opnieuw.";
            return Redirect("/beheer/betaalruns");
        }

        var result = await runs.RunAsync(PaymentRunKind.Manual, time.Today(), User.ToActor().Name, options.OutputDirectory, cancellationToken);
        TempData["Melding"] = result.RunId is null
            ? "Er was niets te betalen."
            : $"Betaalrun {result.MessageId} uitgevoerd: {result.Payments} betalingen, {result.Claims} declaraties, {Money.FormatEuro(result.TotalCents)}.";
        return Redirect("/beheer/betaalruns");
    }

    /// <summary>A pain.002 or camt.054 from the bank: returned payments are reversed and their claims wait for a new IBAN.</summary>
    public async Task<IActionResult> OnPostFeedbackAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            TempData["Fout"] = "Kies een bestand van de bank (pain.002 of camt.054).";
            return Redirect("/beheer/betaalruns");
        }

        using var content = new MemoryStream();
        await file.CopyToAsync(content, cancellationToken);
        try
        {
            var result = await feedback.ImportAsync(content.ToArray(), file.FileName, User.ToActor().Name, cancellationToken);
            TempData["Melding"] = result.AlreadyImported
                ? "Dit bestand was al verwerkt; er is niets gewijzigd."
                : $"Terugmelding verwerkt: {result.Returned} betaling(en) teruggeboekt, {result.AlreadyReturned} al eerder, {result.Unknown.Count} onbekend.";
        }
        catch (BankFeedbackException refused)
        {
            TempData["Fout"] = refused.Message;
        }

        return Redirect("/beheer/betaalruns");
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
