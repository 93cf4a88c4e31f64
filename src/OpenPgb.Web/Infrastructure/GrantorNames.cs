using Microsoft.Extensions.Caching.Memory;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grantors;

namespace OpenPgb.Web.Infrastructure;

/// <summary>
/// The grantors' names the layout shows an employee on every page (the active grantor, the ones to switch to), from a
/// copy of all of them kept for five minutes instead of a query per request. There are a few hundred grantors and
/// their names change only by an operator's hand, so a rename reaches every node within five minutes.
/// </summary>
public sealed class GrantorNames(IMemoryCache cache, IServiceScopeFactory scopes)
{
    private static readonly object Key = new();

    public async Task<string?> NameOfAsync(int grantorId, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).GetValueOrDefault(grantorId);

    /// <summary>The names of <paramref name="grantorIds"/> that exist, sorted by name.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> NamesOfAsync(IReadOnlyCollection<int> grantorIds, CancellationToken cancellationToken)
    {
        var all = await AllAsync(cancellationToken);
        return [.. grantorIds.Where(all.ContainsKey).Select(id => (id, all[id])).OrderBy(g => g.Item2, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true))];
    }

    private async Task<IReadOnlyDictionary<int, string>> AllAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(Key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Current = AccessScope.System;
            return await scope.ServiceProvider.GetRequiredService<GrantorQueries>().AllNamesAsync(cancellationToken);
        }))!;
}
