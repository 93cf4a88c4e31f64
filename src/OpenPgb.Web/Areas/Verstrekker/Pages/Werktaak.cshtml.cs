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
            WorkTaskSubject.CareAgreement => Redirect($"/verstrekker/zorgovereenkomst/{task.SubjectId}"),
            WorkTaskSubject.Letter => Redirect($"/verstrekker/brief/{task.SubjectId}"),
            WorkTaskSubject.Grant => Redirect($"/verstrekker/toekenning/{task.SubjectId}"),
            WorkTaskSubject.Payment => Redirect($"/verstrekker/betaling/{task.SubjectId}"),
            WorkTaskSubject.CareProvider => Redirect("/verstrekker/blokkades#vastgehouden"),
            WorkTaskSubject.ProcessChoice => Redirect("/verstrekker/instellingen#bevestigen"),
        };
    }
}
