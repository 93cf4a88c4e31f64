using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Common;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Zorgverlener.Pages;

/// <summary>
/// Bulk claims from a CSV file. The file is queued and submitted by a background job; the upload's own page follows
/// the progress and shows every row accepted or refused with its reason.
/// </summary>
public sealed class UploadModel(ClaimUploadService uploads) : PageModel
{
    private const long MaxBytes = 5 * 1024 * 1024;

    public IReadOnlyList<(long Id, string FileName, DateTimeOffset UploadedAt, ClaimUploadStatus Status, int Rows, int Accepted)> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Recent = await uploads.RecentAsync(User.ToActor(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Kies een CSV-bestand.");
        }
        else if (file.Length > MaxBytes)
        {
            ModelState.AddModelError("file", "Het bestand is groter dan 5 MB; splits het.");
        }

        if (!ModelState.IsValid)
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }

        using var content = new MemoryStream();
        await file!.CopyToAsync(content, cancellationToken);
        var (upload, alreadyUploaded) = await uploads.QueueAsync(User.ToActor(), Path.GetFileName(file.FileName), content.ToArray(), cancellationToken);
        if (alreadyUploaded)
        {
            TempData["Fout"] = $"Dit bestand is al eerder geüpload ({upload.UploadedAt.ToAmsterdam():dd-MM-yyyy HH:mm}); er is niets gewijzigd. Hieronder staat het resultaat van toen.";
        }

        return RedirectToPage("/UploadResultaat", new { area = "Zorgverlener", id = upload.Id });
    }
}
