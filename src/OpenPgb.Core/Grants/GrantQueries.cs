using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Data;
using OpenPgb.Core.Parties;

namespace OpenPgb.Core.Grants;

public sealed record CareFunctionBudgetView(
    string Code,
    string Name,
    DateOnly StartDate,
    DateOnly EndDate,
    long AmountCents,
    long? UnaccountableCents,
    IReadOnlyList<(int Year, DateOnly From, DateOnly To, long AmountCents)> PerYear);

public sealed record RepresentativeView(string RoleName, string Name, RepresentativeRights Rights, bool ReceivesCorrespondence, string Bsn);

public sealed record GrantView(
    long Id,
    string GrantorName,
    string BudgetKey,
    Law Law,
    DateOnly GrantDate,
    int VersionNumber,
    string HolderName,
    DateOnly HolderBirthDate,
    string HolderBsn,
    long TotalCents,
    bool IsWholePackage,
    IReadOnlyList<CareFunctionBudgetView> Budgets,
    IReadOnlyList<RepresentativeView> Representatives,
    ContactAddress? Contact,
    IReadOnlyList<Ledger.BudgetPosition> Positions)
{
    public long SpentCents => Positions.Sum(p => p.SpentCents);

    public long CommittedCents => Positions.Sum(p => p.CommittedCents);

    public long RemainingCents => TotalCents - SpentCents - CommittedCents;
}

public sealed record GrantVersionSummary(int Number, DateOnly GrantDate, DateTimeOffset ReceivedAt, long IntakeMessageId, string BudgetKey, long TotalCents, int CareFunctions, int Representatives);

public sealed record BudgetHolderRow(long Id, string Name, DateOnly BirthDate, string MaskedBsn, int Grants, long TotalCents);

public sealed record RepresentedGrantRow(long GrantId, string HolderName, string GrantorName, string BudgetKey, RepresentativeRights Rights, string RoleName);

/// <summary>
/// Read models for the portal. Every query runs through the DbContext's scope filters, so callers get only what the
/// signed-in user may see; an id outside the scope reads as "not found".
/// </summary>
public sealed class GrantQueries(OpenPgbDbContext db, CareFunctionCodeListCache codeLists, Audit.AccessLog accessLog, Ledger.BudgetLedger ledger)
{
    public async Task<(int BudgetHolders, int Grants)> CountsAsync(CancellationToken cancellationToken) =>
        (await db.BudgetHolders.CountAsync(cancellationToken), await db.Grants.CountAsync(cancellationToken));

    /// <summary>The grants of which <paramref name="bsn"/> is the budget holder ("Mijn budget").</summary>
    public async Task<IReadOnlyList<GrantView>> OwnGrantsAsync(string bsn, CancellationToken cancellationToken)
    {
        return await GrantsAsync(db.Grants.Where(g => g.BudgetHolder!.Bsn == bsn), cancellationToken);
    }

    /// <summary>Whether <paramref name="bsn"/> holds a budget of their own (where a citizen's portal starts).</summary>
    public async Task<bool> HoldsAGrantAsync(string bsn, CancellationToken cancellationToken) =>
        await db.Grants.AnyAsync(g => g.BudgetHolder!.Bsn == bsn, cancellationToken);

    /// <summary>Grants that <paramref name="bsn"/> represents, with the rights the current version gives.</summary>
    public async Task<IReadOnlyList<RepresentedGrantRow>> RepresentedAsync(string bsn, CancellationToken cancellationToken)
    {
        var rows = await db.GrantVersions
            .Where(v => v.IsCurrent)
            .SelectMany(v => v.Representatives.Where(r => r.Bsn == bsn), (v, r) => new
            {
                v.GrantId,
                Holder = v.Grant!.BudgetHolder!.Name,
                Grantor = v.Grant.Grantor!.Name,
                v.Grant.BudgetKey,
                r.Rights,
                r.RoleCode,
            })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new RepresentedGrantRow(r.GrantId, r.Holder.Display, r.Grantor, r.BudgetKey, r.Rights, RepresentativeRoles.NameOf(r.RoleCode)))
            .OrderBy(r => r.HolderName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The grants a citizen may act on (sign, approve, invite): their own and those they represent with write rights.
    /// Pages offer write journeys only for these; the services refuse the rest anyway.
    /// </summary>
    public async Task<IReadOnlySet<long>> ActionableGrantIdsAsync(string bsn, CancellationToken cancellationToken)
    {
        var own = await db.Grants.Where(g => g.BudgetHolder!.Bsn == bsn).Select(g => g.Id).ToListAsync(cancellationToken);
        var represented = await db.GrantVersions
            .Where(v => v.IsCurrent)
            .SelectMany(v => v.Representatives.Where(r => r.Bsn == bsn && r.Rights == RepresentativeRights.ReadWrite), (v, r) => v.GrantId)
            .ToListAsync(cancellationToken);
        return own.Concat(represented).ToHashSet();
    }

    public async Task<GrantView?> GrantAsync(long grantId, CancellationToken cancellationToken) =>
        (await GrantsAsync(db.Grants.Where(g => g.Id == grantId), cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<GrantVersionSummary>> VersionsAsync(long grantId, CancellationToken cancellationToken)
    {
        var versions = await db.GrantVersions.AsNoTracking()
            .Where(v => v.GrantId == grantId)
            .Include(v => v.CareFunctionBudgets)
            .Include(v => v.Representatives)
            .OrderByDescending(v => v.Number)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return versions
            .Select(v => new GrantVersionSummary(v.Number, v.GrantDate, v.ReceivedAt, v.IntakeMessageId, v.BudgetKey, v.TotalCents, v.CareFunctionBudgets.Count, v.Representatives.Count))
            .ToList();
    }

    /// <summary>Budget holders in scope whose surname contains <paramref name="name"/>, or with exactly this BSN.</summary>
    /// <remarks>Every holder in the result is a read of personal data by staff, logged for <paramref name="viewer"/>.</remarks>
    public async Task<IReadOnlyList<BudgetHolderRow>> SearchBudgetHoldersAsync(Audit.Actor viewer, string? name, string? bsn, int max, CancellationToken cancellationToken)
    {
        var query = db.BudgetHolders.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(bsn))
        {
            var trimmed = bsn.Trim();
            query = query.Where(b => b.Bsn == trimmed);
        }
        else if (!string.IsNullOrWhiteSpace(name))
        {
            var pattern = "%" + name.Trim().ToUpperInvariant().Replace("%", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal) + "%";
            // Translated to SQL UPPER(); culture does not apply on the database side.
#pragma warning disable CA1304, CA1311
            query = query.Where(b => EF.Functions.Like(b.Name.Surname.ToUpper(), pattern));
#pragma warning restore CA1304, CA1311
        }

        var rows = await query
            .OrderBy(b => b.Name.Surname).ThenBy(b => b.Id)
            .Take(max)
            .Select(b => new
            {
                b.Id,
                b.Name,
                b.BirthDate,
                b.Bsn,
                Grants = b.Grants.Count,
                Total = b.Grants.SelectMany(g => g.Versions.Where(v => v.IsCurrent)).SelectMany(v => v.CareFunctionBudgets).Sum(c => (long?)c.AmountCents) ?? 0,
            })
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            accessLog.Read(viewer, row.Id, "budgethouder gezocht", string.IsNullOrWhiteSpace(bsn) ? "zoekresultaat op naam" : "zoekresultaat op BSN");
        }

        await db.SaveChangesAsync(cancellationToken);
        return rows.Select(r => new BudgetHolderRow(r.Id, r.Name.Display, r.BirthDate, Bsn.Mask(r.Bsn), r.Grants, r.Total)).ToList();
    }

    /// <summary>A grant as staff open it: the read of the budget holder's data is logged (NEN 7513).</summary>
    public async Task<GrantView?> GrantForStaffAsync(Audit.Actor viewer, long grantId, CancellationToken cancellationToken)
    {
        var grant = await GrantAsync(grantId, cancellationToken);
        if (grant is not null)
        {
            var holderId = await db.Grants.Where(g => g.Id == grantId).Select(g => g.BudgetHolderId).SingleAsync(cancellationToken);
            await accessLog.ReadAndSaveAsync(viewer, holderId, "toekenning bekeken", $"toekenning {grant.BudgetKey}", cancellationToken);
        }

        return grant;
    }

    /// <summary>A budget holder with their grants, as staff open it; the read is logged (NEN 7513).</summary>
    public async Task<(BudgetHolderRow Holder, IReadOnlyList<GrantView> Grants)?> BudgetHolderAsync(Audit.Actor viewer, long budgetHolderId, CancellationToken cancellationToken)
    {
        var holder = await db.BudgetHolders.AsNoTracking().SingleOrDefaultAsync(b => b.Id == budgetHolderId, cancellationToken);
        if (holder is null)
        {
            return null;
        }

        await accessLog.ReadAndSaveAsync(viewer, holder.Id, "budgethouder bekeken", $"budgethouder {holder.Id}", cancellationToken);

        var grants = await GrantsAsync(db.Grants.Where(g => g.BudgetHolderId == budgetHolderId), cancellationToken);

        return (new BudgetHolderRow(holder.Id, holder.Name.Display, holder.BirthDate, Bsn.Mask(holder.Bsn), grants.Count, grants.Sum(g => g.TotalCents)), grants);
    }

    /// <summary>The current state of the grants <paramref name="grants"/> selects, in one round of queries, ordered by id.</summary>
    private async Task<IReadOnlyList<GrantView>> GrantsAsync(IQueryable<Grant> grants, CancellationToken cancellationToken)
    {
        // One query, not split: a holder has a grant or two with a few budgets and representatives each, and every
        // statement here carries the access filter, which PostgreSQL plans anew each time (the overview's cost).
        var loaded = await grants.AsNoTracking()
            .Include(g => g.Grantor)
            .WithHolderAndCurrentVersion()
            .AsSingleQuery()
            .OrderBy(g => g.Id)
            .ToListAsync(cancellationToken);
        var codes = await codeLists.GetAsync(db, cancellationToken);
        var current = loaded.Where(g => g.CurrentVersion is not null).ToList();
        var positions = await ledger.PositionsAsync([.. current.Select(g => g.CurrentVersion!)], cancellationToken);
        return current.Select(g => ToView(g, g.CurrentVersion!, codes, positions[g.Id])).ToList();
    }

    private static GrantView ToView(Grant grant, GrantVersion version, CareFunctionCodeList codes, IReadOnlyList<Ledger.BudgetPosition> positions) => new(
        grant.Id,
        grant.Grantor!.Name,
        grant.BudgetKey,
        grant.Law,
        version.GrantDate,
        version.Number,
        grant.BudgetHolder!.Name.Display,
        grant.BudgetHolder.BirthDate,
        grant.BudgetHolder.Bsn,
        version.TotalCents,
        version.IsWholePackage,
        version.CareFunctionBudgets
            .OrderBy(b => b.CareFunctionCode, StringComparer.Ordinal).ThenBy(b => b.StartDate)
            .Select(b => new CareFunctionBudgetView(b.CareFunctionCode, codes.NameOf(b.CareFunctionCode), b.StartDate, b.EndDate, b.AmountCents, b.UnaccountableCents, b.PerCalendarYear()))
            .ToList(),
        version.Representatives
            .Select(r => new RepresentativeView(r.RoleName, r.Name.Display, r.Rights, r.ReceivesCorrespondence, r.Bsn))
            .ToList(),
        version.Contact,
        positions);
}
