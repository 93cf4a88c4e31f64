using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Grants;

/// <summary>
/// The care-function code list for validation, read from the database at most every few minutes, so intake does
/// not query it per message while a maintained list still takes effect without a restart.
/// </summary>
public sealed class CareFunctionCodeListCache(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private (CareFunctionCodeList List, DateTimeOffset LoadedAt)? _current;

    public async Task<CareFunctionCodeList> GetAsync(OpenPgbDbContext db, CancellationToken cancellationToken)
    {
        if (_current is { } fresh && time.GetUtcNow() - fresh.LoadedAt < Lifetime)
        {
            return fresh.List;
        }

        // Two callers may both reload after expiry; the list is small and the result identical, so no lock.
        var entries = await db.CareFunctions.AsNoTracking().ToListAsync(cancellationToken);
        var list = new CareFunctionCodeList(entries);
        _current = (list, time.GetUtcNow());
        return list;
    }
}
