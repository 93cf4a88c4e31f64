using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.WorkTasks;

namespace OpenPgb.Web.Areas.Verstrekker.Pages;

/// <summary>Opens a task: goes to the page where its subject is handled.</summary>
public sealed class WerktaakModel(WorkTaskService tasks) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var task = await tasks.FindAsync(id, cancellationToken);
        if (task is null)
        {
            return NotFound();
        }

        return task.SubjectKind switch
        {
            WorkTaskSubject.CareAgreement => RedirectToPage("/Zorgovereenkomst", new { area = "Verstrekker", id = task.SubjectId }),
            WorkTaskSubject.Letter => RedirectToPage("/Brief", new { area = "Verstrekker", id = task.SubjectId }),
            WorkTaskSubject.Grant => RedirectToPage("/Toekenning", new { area = "Verstrekker", id = task.SubjectId }),
            WorkTaskSubject.Payment => RedirectToPage("/Betaling", new { area = "Verstrekker", id = task.SubjectId }),
            WorkTaskSubject.CareProvider => RedirectToPage("/Blokkades", null, new { area = "Verstrekker" }, "vastgehouden"),
            WorkTaskSubject.ProcessChoice => RedirectToPage("/Instellingen", null, new { area = "Verstrekker" }, "bevestigen"),
            WorkTaskSubject.ConversionDifference => RedirectToPage("/Conversie", null, new { area = "Verstrekker" }, $"verschil-{task.SubjectId}"),
            WorkTaskSubject.RiskSignal => RedirectToPage("/Risicosignaal", new { area = "Verstrekker", id = task.SubjectId }),
        };
    }
}
