using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ipgb;
using OpenPgb.Core.WorkTasks;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Verstrekker.Pages;

public sealed class IndexModel(GrantQueries grants, IntakeLogQueries intake, WorkTaskService tasks) : PageModel
{
    public int BudgetHolders { get; private set; }

    public int Grants { get; private set; }

    public int Messages { get; private set; }

    public int Rejected { get; private set; }

    public WorkTaskCounts Tasks { get; private set; } = new(0, 0, 0, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (BudgetHolders, Grants) = await grants.CountsAsync(cancellationToken);
        (Messages, Rejected) = await intake.CountsAsync(cancellationToken);
        Tasks = await tasks.CountsAsync(User.ToActor().UserId, cancellationToken);
    }
}
