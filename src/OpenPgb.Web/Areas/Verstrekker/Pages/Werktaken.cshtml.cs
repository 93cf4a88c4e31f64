using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Common;
using OpenPgb.Core.WorkTasks;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Verstrekker.Pages;

/// <summary>The active grantor's work tasks: filtered, sorted and paged on the server.</summary>
public sealed class WerktakenModel(WorkTaskService tasks) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "status")]
    public WorkTaskStatus? Status { get; set; } = WorkTaskStatus.Open;

    [BindProperty(SupportsGet = true, Name = "soort")]
    public WorkTaskType? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "wie")]
    public string? Who { get; set; }

    [BindProperty(SupportsGet = true, Name = "sorteer")]
    public WorkTaskSort Sort { get; set; } = WorkTaskSort.Deadline;

    [BindProperty(SupportsGet = true, Name = "pagina")]
    public int PageNumber { get; set; } = 1;

    public WorkTaskPage Result { get; private set; } = new([], 0, 1, 25);

    public IReadOnlyList<(string UserId, string Name)> Colleagues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        Result = await tasks.ListAsync(actor.UserId, new WorkTaskFilter(Status, Type, Who == "mij", Who == "niemand", Sort, PageNumber), cancellationToken);
        Colleagues = await tasks.ColleaguesAsync(actor.GrantorId!.Value, cancellationToken);
    }

    public async Task<IActionResult> OnPostAssignAsync(long taskId, string? assignee, CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        try
        {
            await tasks.AssignAsync(actor, taskId, string.IsNullOrEmpty(assignee) ? actor.UserId : assignee, cancellationToken);
            TempData["Melding"] = "De taak is toegewezen.";
        }
        catch (BusinessRuleException refused)
        {
            TempData["Fout"] = refused.Message;
        }

        return Redirect(Request.Headers.Referer.FirstOrDefault() is { } back && Uri.TryCreate(back, UriKind.Absolute, out var uri) && uri.Host == Request.Host.Host ? uri.PathAndQuery : Url.Page("/Werktaken", new { area = "Verstrekker" })!);
    }

    public string QueryFor(int page) =>
        $"?status={Status}&soort={Type}&wie={Who}&sorteer={Sort}&pagina={page}";
}
