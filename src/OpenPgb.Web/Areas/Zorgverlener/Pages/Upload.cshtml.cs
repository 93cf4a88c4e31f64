using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Claims;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Zorgverlener.Pages;

/// <summary>Bulk claims from a CSV file; every row comes back accepted or refused with its reason.</summary>
public sealed class UploadModel(ClaimUploadService uploads) : PageModel
{
    private const long MaxBytes = 5 * 1024 * 1024;

    public UploadResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(string.Empty, "Kies een CSV-bestand.");
            return Page();
        }

        if (file.Length > MaxBytes)
        {
            ModelState.AddModelError(string.Empty, "Het bestand is groter dan 5 MB; splits het.");
            return Page();
        }

        using var content = new MemoryStream();
        await file.CopyToAsync(content, cancellationToken);
        Result = await uploads.UploadAsync(User.ToActor(), file.FileName, content.ToArray(), cancellationToken);
        return Page();
    }
}
