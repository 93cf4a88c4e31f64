using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Access;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Ipgb;

public sealed record IntakeRow(
    long Id,
    DateTimeOffset ReceivedAt,
    MessageChannel Channel,
    string? Sender,
    string? GrantorName,
    string? Identification,
    string? StandardVersion,
    string? BudgetKey,
    IntakeOutcome Outcome,
    IReadOnlyList<string> Codes,
    long? GrantId);

public sealed record IntakeDetail(IntakeRow Row, int SizeBytes, string ContentHash, string? Response, string? Raw);

public sealed record IntakePage(IReadOnlyList<IntakeRow> Rows, int Page, int PageSize, bool HasNext);

/// <summary>The intake log, newest first, in the caller's scope (a grantor sees its own messages only).</summary>
public sealed class IntakeLogQueries(OpenPgbDbContext db, Audit.AccessLog accessLog)
{
    public const int PageSize = 50;

    public async Task<(int Total, int Rejected)> CountsAsync(CancellationToken cancellationToken) =>
        (await db.IntakeMessages.CountAsync(cancellationToken),
         await db.IntakeMessages.CountAsync(m => m.Outcome == IntakeOutcome.Rejected || m.Outcome == IntakeOutcome.Refused, cancellationToken));

    public async Task<IntakePage> PageAsync(int page, bool rejectedOnly, long? grantId, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        var query = db.IntakeMessages.AsNoTracking();
        if (rejectedOnly)
        {
            query = query.Where(m => m.Outcome == IntakeOutcome.Rejected || m.Outcome == IntakeOutcome.Refused);
        }

        if (grantId is { } id)
        {
            query = query.Where(m => m.GrantId == id);
        }

        var rows = await Project(query.OrderByDescending(m => m.Id).Skip((page - 1) * PageSize).Take(PageSize + 1)).ToListAsync(cancellationToken);
        return new IntakePage(rows.Take(PageSize).ToList(), page, PageSize, rows.Count > PageSize);
    }

    /// <summary>One message with its raw content. The content holds personal data, so the read is logged (NEN 7513).</summary>
    public async Task<IntakeDetail?> DetailAsync(Audit.Actor viewer, long id, CancellationToken cancellationToken)
    {
        var row = await Project(db.IntakeMessages.AsNoTracking().Where(m => m.Id == id)).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        // Rejected messages may name nobody we know; those of an accepted grant are about its budget holder.
        var grantId = await db.IntakeMessages.Where(m => m.Id == id).Select(m => m.GrantId).SingleOrDefaultAsync(cancellationToken);
        var holderId = grantId is null
            ? null
            : await db.Grants.Unfiltered(Because.LookupOfIdsReadInScope).Where(g => g.Id == grantId).Select(g => (long?)g.BudgetHolderId).SingleOrDefaultAsync(cancellationToken);
        if (holderId is { } holder)
        {
            await accessLog.ReadAndSaveAsync(viewer, holder, "bericht bekeken", $"bericht {id}", cancellationToken);
        }

        var payload = await db.IntakeMessages.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.SizeBytes, m.ContentHash, m.Response, m.RawContent })
            .SingleAsync(cancellationToken);
        return new IntakeDetail(
            row,
            payload.SizeBytes,
            payload.ContentHash,
            payload.Response is null ? null : System.Text.Encoding.UTF8.GetString(payload.Response),
            payload.RawContent.Length == 0 ? null : System.Text.Encoding.UTF8.GetString(payload.RawContent));
    }

    // Only the listed columns are read; the codes are split client-side in this final projection.
    private IQueryable<IntakeRow> Project(IQueryable<IntakeMessage> query) =>
        query.Select(m => new IntakeRow(
            m.Id,
            m.ReceivedAt,
            m.Channel,
            m.Sender,
            db.Grantors.Where(g => g.Id == m.GrantorId).Select(g => g.Name).FirstOrDefault(),
            m.Identification,
            m.StandardVersion,
            m.BudgetKey,
            m.Outcome,
            m.ReturnCodes.Split(',', StringSplitOptions.RemoveEmptyEntries),
            m.GrantId));
}
