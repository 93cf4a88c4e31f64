using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Access;
using OpenPgb.Core.Accounts;
using OpenPgb.Core.Audit;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.WorkTasks;

public enum WorkTaskSort
{
    Deadline,
    Created,
    Type,
}

public sealed record WorkTaskFilter(WorkTaskStatus? Status = WorkTaskStatus.Open, WorkTaskType? Type = null, bool MineOnly = false, bool UnassignedOnly = false, WorkTaskSort Sort = WorkTaskSort.Deadline, int Page = 1, int PageSize = 25);

public sealed record WorkTaskRow(long Id, WorkTaskType Type, string Title, WorkTaskStatus Status, string? AssigneeName, DateOnly Deadline, DateTimeOffset CreatedAt, WorkTaskSubject SubjectKind, long SubjectId);

public sealed record WorkTaskPage(IReadOnlyList<WorkTaskRow> Rows, int TotalCount, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

public sealed record WorkTaskCounts(int Open, int Mine, int Unassigned, int Overdue);

/// <summary>Creating, listing and assigning work tasks. Grantor scoping comes from the DbContext's query filter.</summary>
public sealed class WorkTaskService(OpenPgbDbContext db, TimeProvider time)
{
    /// <summary>Adds a task to the unit of work; the caller saves it with the change that caused it.</summary>
    public WorkTask Create(int grantorId, WorkTaskType type, WorkTaskSubject subjectKind, long subjectId, long? budgetHolderId, string title, int daysToDeadline)
    {
        var task = new WorkTask(grantorId, type, subjectKind, subjectId, budgetHolderId, title, time.Today().AddDays(daysToDeadline), time.GetUtcNow());
        db.WorkTasks.Add(task);
        return task;
    }

    public async Task<WorkTaskPage> ListAsync(string userId, WorkTaskFilter filter, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(filter.PageSize, 10, 100);
        var query = db.WorkTasks.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(t => t.Status == status);
        }

        if (filter.Type is { } type)
        {
            query = query.Where(t => t.Type == type);
        }

        if (filter.MineOnly)
        {
            query = query.Where(t => t.AssigneeUserId == userId);
        }
        else if (filter.UnassignedOnly)
        {
            query = query.Where(t => t.AssigneeUserId == null);
        }

        var total = await query.CountAsync(cancellationToken);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var ordered = filter.Sort switch
        {
            WorkTaskSort.Deadline => query.OrderBy(t => t.Deadline).ThenBy(t => t.Id),
            WorkTaskSort.Created => query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
            WorkTaskSort.Type => query.OrderBy(t => t.Type).ThenBy(t => t.Deadline).ThenBy(t => t.Id),
        };
        var rows = await ordered.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(t => new WorkTaskRow(t.Id, t.Type, t.Title, t.Status, t.AssigneeName, t.Deadline, t.CreatedAt, t.SubjectKind, t.SubjectId))
            .ToListAsync(cancellationToken);
        return new WorkTaskPage(rows, total, page, pageSize);
    }

    public async Task<WorkTaskCounts> CountsAsync(string userId, CancellationToken cancellationToken)
    {
        var today = time.Today();
        var open = db.WorkTasks.Where(t => t.Status == WorkTaskStatus.Open);
        return new WorkTaskCounts(
            await open.CountAsync(cancellationToken),
            await open.CountAsync(t => t.AssigneeUserId == userId, cancellationToken),
            await open.CountAsync(t => t.AssigneeUserId == null, cancellationToken),
            await open.CountAsync(t => t.Deadline < today, cancellationToken));
    }

    public async Task<WorkTask?> FindAsync(long id, CancellationToken cancellationToken) =>
        await db.WorkTasks.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);

    /// <summary>Colleagues an employee can assign to: the employees of the same grantor.</summary>
    public async Task<IReadOnlyList<(string UserId, string Name)>> ColleaguesAsync(int grantorId, CancellationToken cancellationToken)
    {
        var rows = await db.Users
            .Where(u => u.Role == PortalRole.GrantorEmployee && u.Grantors.Any(g => g.GrantorId == grantorId))
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.DisplayName))];
    }

    public async Task AssignAsync(Actor actor, long taskId, string assigneeUserId, CancellationToken cancellationToken)
    {
        var task = await FindAsync(taskId, cancellationToken) ?? throw new NotVisibleException($"Work task {taskId} not found.");
        var colleagues = await ColleaguesAsync(task.GrantorId, cancellationToken);
        var assignee = colleagues.FirstOrDefault(c => c.UserId == assigneeUserId);
        if (assignee.UserId is null)
        {
            throw new BusinessRuleException("ToewijzenAanCollega", "Een taak kan alleen worden toegewezen aan een medewerker van dezelfde verstrekker.");
        }

        task.AssignTo(assignee.UserId, assignee.Name);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Closes the open tasks of one type about one subject (e.g. when an agreement is decided).</summary>
    internal async Task CompleteOpenAsync(WorkTaskType type, WorkTaskSubject subjectKind, long subjectId, string completedBy, CancellationToken cancellationToken)
    {
        var open = await db.WorkTasks
            .Where(t => t.Type == type && t.SubjectKind == subjectKind && t.SubjectId == subjectId && t.Status == WorkTaskStatus.Open)
            .ToListAsync(cancellationToken);
        foreach (var task in open)
        {
            task.Complete(completedBy, time.GetUtcNow());
        }
    }
}
