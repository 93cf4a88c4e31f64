using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Grantors;

public sealed record GrantorRow(int Id, string Code, string Name, GrantorKind Kind, DateOnly? LiveFrom, int ActiveTokens, int Grants);

public sealed record TokenRow(long Id, string GrantorCode, string GrantorName, string Hint, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>Operator views of grantors and tokens (system scope).</summary>
public sealed class GrantorQueries(OpenPgbDbContext db)
{
    public async Task<IReadOnlyList<GrantorRow>> ListAsync(CancellationToken cancellationToken) =>
        await db.Grantors.AsNoTracking().OrderBy(g => g.Code)
            .Select(g => new GrantorRow(
                g.Id, g.Code, g.Name, g.Kind, g.LiveFrom,
                db.ApiTokens.Count(t => t.GrantorId == g.Id && t.RevokedAt == null),
                db.Grants.Count(x => x.GrantorId == g.Id)))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<TokenRow>> TokensAsync(CancellationToken cancellationToken)
    {
        var rows = await db.ApiTokens.AsNoTracking()
            .OrderBy(t => t.Grantor!.Code).ThenByDescending(t => t.Id)
            .Select(t => new TokenRow(t.Id, t.Grantor!.Code, t.Grantor.Name, t.Hint, t.CreatedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);
        return rows;
    }

    /// <summary>Every grantor's name by id: a few hundred rows, for the portal's cached look-up.</summary>
    public async Task<IReadOnlyDictionary<int, string>> AllNamesAsync(CancellationToken cancellationToken) =>
        await db.Grantors.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
}
