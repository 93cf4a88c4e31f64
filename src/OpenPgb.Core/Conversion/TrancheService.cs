using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grantors;

namespace OpenPgb.Core.Conversion;

/// <summary>A tranche request that cannot be done, in Dutch for the portal and the CLI.</summary>
public sealed class TrancheException(string message) : Exception(message);

/// <summary>The latest compare, trial or run of a grantor, without its files.</summary>
public sealed record StepSummary(long Id, ConversionStepKind Kind, string Outcome, int Differences, int BlockingFindings, int Warnings, int BudgetHolders, int Claims, DateTimeOffset At, string By)
{
    public string Text => CompareOutcomes.Text(Kind, Outcome);
}

/// <summary>One grantor on the tranche board.</summary>
public sealed record TrancheBoardRow(
    int GrantorId,
    string Code,
    string Name,
    TrancheGrantorState State,
    DateTimeOffset StateChangedAt,
    int OpenDifferences,
    StepSummary? LastCompare,
    StepSummary? LastConversion,
    DateOnly? LiveFrom,
    string? PostponedTo)
{
    public string StateText => TrancheTexts.State(State);

    public string NextStep => TrancheTexts.NextStep(State, OpenDifferences);
}

public sealed record TrancheBoard(int Id, string Name, DateOnly FreezeDate, IReadOnlyList<TrancheBoardRow> Grantors);

/// <summary>
/// Tranches for the agency's operators: make one with its grantors, freeze a grantor after its last PGB1 export,
/// postpone one to a later tranche, and the board with every grantor's state, counts, open differences, findings and
/// next step. The steps themselves go through <see cref="ConversionWorkflow"/>; going live through <see cref="GrantorService"/>.
/// </summary>
public sealed class TrancheService(OpenPgbDbContext db, TimeProvider time)
{
    public async Task<Tranche> AddAsync(string name, DateOnly freezeDate, IReadOnlyList<string> grantorCodes, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grantorCodes);
        name = (name ?? string.Empty).Trim();
        if (name.Length is 0 or > 100)
        {
            throw new TrancheException("Geef de tranche een naam van hoogstens 100 tekens.");
        }

        if (freezeDate < time.Today())
        {
            throw new TrancheException($"De bevriesdatum {freezeDate:dd-MM-yyyy} ligt in het verleden.");
        }

        var codes = grantorCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0)
        {
            throw new TrancheException("Kies minstens één verstrekker voor de tranche.");
        }

        if (await db.Tranches.AnyAsync(t => t.Name == name, cancellationToken))
        {
            throw new TrancheException($"Er is al een tranche met de naam '{name}'.");
        }

        var grantors = await db.Grantors.AsNoTracking().Where(g => codes.Contains(g.Code)).ToListAsync(cancellationToken);
        if (codes.FirstOrDefault(c => grantors.All(g => g.Code != c)) is { } unknown)
        {
            throw new TrancheException($"Verstrekker {unknown} bestaat niet.");
        }

        await RequireConvertibleAsync(grantors, cancellationToken);
        var now = time.GetUtcNow();
        var tranche = new Tranche(name, freezeDate, by, now);
        foreach (var grantor in grantors.OrderBy(g => g.Code, StringComparer.Ordinal))
        {
            tranche.Add(grantor.Id, now);
        }

        db.Tranches.Add(tranche);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent request took the name or one of the grantors between our checks and this insert.
            db.ChangeTracker.Clear();
            throw new TrancheException("Een andere medewerker legde tegelijk een tranche vast met deze naam of met een van deze verstrekkers; bekijk het overzicht en probeer opnieuw.");
        }

        return tranche;
    }

    /// <summary>The old system took its last change: from now the final export is converted.</summary>
    public async Task FreezeAsync(string grantorCode, CancellationToken cancellationToken)
    {
        var member = await MemberAsync(grantorCode, cancellationToken);
        member.Freeze(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Moves a grantor that is not converted yet to a later tranche, where it starts again as planned.</summary>
    public async Task PostponeAsync(string grantorCode, int toTrancheId, CancellationToken cancellationToken)
    {
        var member = await MemberAsync(grantorCode, cancellationToken);
        var to = await db.Tranches.SingleOrDefaultAsync(t => t.Id == toTrancheId, cancellationToken)
            ?? throw new TrancheException("Die tranche bestaat niet.");
        if (to.FreezeDate <= member.Tranche.FreezeDate)
        {
            throw new TrancheException($"Uitstellen kan alleen naar een latere tranche; '{to.Name}' bevriest op {to.FreezeDate:dd-MM-yyyy}.");
        }

        var now = time.GetUtcNow();
        member.Postpone(to, now);
        await db.SaveChangesAsync(cancellationToken);
        to.Add(member.GrantorId, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every tranche, latest freeze date last, with its grantors as the operator's board shows them.</summary>
    public async Task<IReadOnlyList<TrancheBoard>> BoardAsync(CancellationToken cancellationToken)
    {
        var tranches = await db.Tranches.AsNoTracking().Include(t => t.Grantors).OrderBy(t => t.FreezeDate).ThenBy(t => t.Name).ToListAsync(cancellationToken);
        var rows = await RowsAsync(tranches.SelectMany(t => t.Grantors).ToList(), tranches, cancellationToken);
        return [.. tranches.Select(t => new TrancheBoard(t.Id, t.Name, t.FreezeDate, [.. t.Grantors.OrderBy(g => g.IsActive ? 0 : 1).ThenBy(g => rows[g.Id].Code, StringComparer.Ordinal).Select(g => rows[g.Id])]))];
    }

    /// <summary>The tranches that freeze after <paramref name="freezeDate"/>: where a grantor can be postponed to.</summary>
    public async Task<IReadOnlyList<(int Id, string Name, DateOnly FreezeDate)>> LaterThanAsync(DateOnly freezeDate, CancellationToken cancellationToken) =>
        [.. (await db.Tranches.AsNoTracking().Where(t => t.FreezeDate > freezeDate).OrderBy(t => t.FreezeDate).Select(t => new { t.Id, t.Name, t.FreezeDate }).ToListAsync(cancellationToken))
            .Select(t => (t.Id, t.Name, t.FreezeDate))];

    /// <summary>A grantor's own place on its way over (the grantor's conversion page): its active tranche and latest steps.</summary>
    public async Task<(TrancheBoard? Tranche, TrancheBoardRow? Row, StepSummary? LastCompare, StepSummary? LastConversion)> OfGrantorAsync(int grantorId, CancellationToken cancellationToken)
    {
        var member = await db.TrancheGrantors.AsNoTracking().Include(t => t.Tranche).SingleOrDefaultAsync(t => t.GrantorId == grantorId && t.State != TrancheGrantorState.Postponed, cancellationToken);
        var (compare, conversion) = await LatestStepsAsync([grantorId], cancellationToken);
        if (member is null)
        {
            return (null, null, compare.GetValueOrDefault(grantorId), conversion.GetValueOrDefault(grantorId));
        }

        var rows = await RowsAsync([member], [member.Tranche], cancellationToken);
        return (new TrancheBoard(member.Tranche.Id, member.Tranche.Name, member.Tranche.FreezeDate, [rows[member.Id]]), rows[member.Id], compare.GetValueOrDefault(grantorId), conversion.GetValueOrDefault(grantorId));
    }

    /// <param name="tranches">The tranches the rows are shown with; a postponed row names its later tranche from them.</param>
    private async Task<Dictionary<long, TrancheBoardRow>> RowsAsync(IReadOnlyList<TrancheGrantor> members, IReadOnlyList<Tranche> tranches, CancellationToken cancellationToken)
    {
        var grantorIds = members.Select(m => m.GrantorId).Distinct().ToList();
        var grantors = await db.Grantors.AsNoTracking().Where(g => grantorIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, cancellationToken);
        var open = await db.OpenDifferences.Where(d => grantorIds.Contains(d.GrantorId) && d.GoneAt == null)
            .GroupBy(d => d.GrantorId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var (compare, conversion) = await LatestStepsAsync(grantorIds, cancellationToken);
        var trancheNames = tranches.ToDictionary(t => t.Id, t => t.Name);
        return members.ToDictionary(m => m.Id, m =>
        {
            var grantor = grantors[m.GrantorId];
            var active = m.IsActive;
            return new TrancheBoardRow(
                grantor.Id,
                grantor.Code,
                grantor.Name,
                m.State,
                m.StateChangedAt,
                active ? open.GetValueOrDefault(grantor.Id) : 0,
                active ? compare.GetValueOrDefault(grantor.Id) : null,
                active ? conversion.GetValueOrDefault(grantor.Id) : null,
                grantor.LiveFrom,
                m.PostponedToTrancheId is { } to ? trancheNames.GetValueOrDefault(to) : null);
        });
    }

    private async Task<(Dictionary<int, StepSummary> Compare, Dictionary<int, StepSummary> Conversion)> LatestStepsAsync(IReadOnlyList<int> grantorIds, CancellationToken cancellationToken)
    {
        var latest = await db.ConversionSteps.Where(r => grantorIds.Contains(r.GrantorId))
            .GroupBy(r => new { r.GrantorId, IsCompare = r.Kind == ConversionStepKind.Compare })
            .Select(g => g.Max(r => r.Id))
            .ToListAsync(cancellationToken);
        var steps = await db.ConversionSteps.AsNoTracking().Where(r => latest.Contains(r.Id))
            .Select(r => new { r.GrantorId, Summary = new StepSummary(r.Id, r.Kind, r.Outcome, r.Differences, r.BlockingFindings, r.Warnings, r.BudgetHolders, r.Claims, r.At, r.By) })
            .ToListAsync(cancellationToken);
        return (
            steps.Where(s => s.Summary.Kind == ConversionStepKind.Compare).ToDictionary(s => s.GrantorId, s => s.Summary),
            steps.Where(s => s.Summary.Kind != ConversionStepKind.Compare).ToDictionary(s => s.GrantorId, s => s.Summary));
    }

    private async Task RequireConvertibleAsync(IReadOnlyList<Grantor> grantors, CancellationToken cancellationToken)
    {
        var today = time.Today();
        if (grantors.FirstOrDefault(g => g.IsLiveOn(today)) is { } live)
        {
            throw new TrancheException($"Verstrekker {live.Code} is al live sinds {live.LiveFrom:dd-MM-yyyy}; een tranche is voor verstrekkers die nog moeten overkomen.");
        }

        var ids = grantors.Select(g => g.Id).ToList();
        var converted = await db.GrantorConversions.Where(c => ids.Contains(c.GrantorId)).Select(c => c.GrantorId).ToListAsync(cancellationToken);
        if (grantors.FirstOrDefault(g => converted.Contains(g.Id)) is { } done)
        {
            throw new TrancheException($"Verstrekker {done.Code} is al geconverteerd.");
        }

        var inTranche = await db.TrancheGrantors.AsNoTracking().Include(t => t.Tranche)
            .Where(t => ids.Contains(t.GrantorId) && t.State != TrancheGrantorState.Postponed)
            .ToListAsync(cancellationToken);
        if (inTranche.FirstOrDefault() is { } taken)
        {
            throw new TrancheException($"Verstrekker {grantors.Single(g => g.Id == taken.GrantorId).Code} staat al in tranche '{taken.Tranche.Name}'.");
        }
    }

    private async Task<TrancheGrantor> MemberAsync(string grantorCode, CancellationToken cancellationToken)
    {
        var grantorId = await db.Grantors.Where(g => g.Code == grantorCode).Select(g => (int?)g.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new TrancheException($"Verstrekker {grantorCode} bestaat niet.");
        return await db.TrancheGrantors.Include(t => t.Tranche).SingleOrDefaultAsync(t => t.GrantorId == grantorId && t.State != TrancheGrantorState.Postponed, cancellationToken)
            ?? throw new TrancheException($"Verstrekker {grantorCode} staat in geen tranche.");
    }
}
