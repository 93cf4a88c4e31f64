using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Claims;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Zorgverlener.Pages;

/// <summary>One CSV upload of the provider: its progress while the job runs, then the result of every row.</summary>
public sealed class UploadResultaatModel(ClaimUploadService uploads) : PageModel
{
    public ClaimUpload Upload { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        // Another provider's upload does not exist for this one.
        if (await uploads.OwnUploadAsync(User.ToActor(), id, cancellationToken) is not { } upload)
        {
            return NotFound();
        }

        Upload = upload;
        return Page();
    }

    public async Task<IActionResult> OnGetVoortgangAsync(long id, CancellationToken cancellationToken) =>
        await uploads.ProgressAsync(User.ToActor(), id, cancellationToken) is { } progress
            ? new JsonResult(new { status = progress.Status.ToString(), klaar = !progress.IsActive, tekst = ProgressText(progress) })
            : NotFound();

    public static string ProgressText(UploadProgress upload) => upload.Status switch
    {
        ClaimUploadStatus.Queued => "Het bestand staat in de wachtrij.",
        ClaimUploadStatus.Running when upload.TotalRows > 0 => $"Bezig: {upload.Rows} van {upload.TotalRows} regels verwerkt.",
        ClaimUploadStatus.Running => "Bezig met verwerken.",
        ClaimUploadStatus.Done => $"Klaar: {upload.Accepted} van {upload.Rows} {Plural.Word(upload.Rows, "regel", "regels")} ingediend.",
        ClaimUploadStatus.Failed => upload.Failure ?? "Het verwerken is mislukt.",
        _ => throw new ArgumentOutOfRangeException(nameof(upload), upload.Status, "Unknown upload status."),
    };

    public static string NameOf(ClaimUploadStatus status) => status switch
    {
        ClaimUploadStatus.Queued => "In de wachtrij",
        ClaimUploadStatus.Running => "Bezig",
        ClaimUploadStatus.Done => "Verwerkt",
        ClaimUploadStatus.Failed => "Mislukt",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown upload status."),
    };
}
