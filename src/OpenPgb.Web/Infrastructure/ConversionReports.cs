using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Conversion;
using OpenPgb.Core.Data;

namespace OpenPgb.Web;

/// <summary>
/// The download of a conversion step's report, for the operator's and the grantor's pages alike: the workbook, or a
/// zip of every file the step wrote. Only a step of the given grantor is found (and the scope filters keep a grantor's
/// employee to their own), so a guessed id answers 404.
/// </summary>
internal static class ConversionReports
{
    public static async Task<IActionResult> DownloadAsync(OpenPgbDbContext db, int? grantorId, long id, string? kind, CancellationToken cancellationToken)
    {
        if (grantorId is null)
        {
            return new NotFoundResult();
        }

        var zip = kind == "zip";
        var step = await db.ConversionSteps.AsNoTracking()
            .Where(r => r.Id == id && r.GrantorId == grantorId)
            .Select(r => new { r.Kind, r.At, Bytes = zip ? r.Files : r.Workbook })
            .SingleOrDefaultAsync(cancellationToken);
        if (step is null || step.Bytes.Length == 0)
        {
            return new NotFoundResult();
        }

        var name = step.Kind switch
        {
            ConversionStepKind.Compare => "verschillen",
            ConversionStepKind.Trial => "proefconversie",
            _ => "conversie",
        };
        return new FileContentResult(step.Bytes, zip ? "application/zip" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        {
            FileDownloadName = $"{name}-{step.At:yyyyMMdd-HHmm}.{(zip ? "zip" : "xlsx")}",
        };
    }
}
