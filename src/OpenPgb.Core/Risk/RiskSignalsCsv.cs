using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Access;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Risk;

/// <summary>
/// signals.csv: one row per signal of a scan, <c>indicator;verstrekker;onderwerp;periode;bewijs</c>, with the
/// indicator's code, the grantor's code, the subject (provider number, ZOK-number or budget key, never a BSN), the
/// period and the evidence's references (claim ids, provider numbers, ZOK-numbers, end-to-end ids) joined by commas.
/// </summary>
public static class RiskSignalsCsv
{
    public const string Header = "indicator;verstrekker;onderwerp;periode;bewijs";

    public static async Task WriteAsync(OpenPgbDbContext db, IReadOnlyCollection<long> signalIds, Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(signalIds);
        var signals = new List<RiskSignal>();
        foreach (var chunk in signalIds.Chunk(1_000))
        {
            signals.AddRange(await db.RiskSignals.Unfiltered(Because.SystemProcess).AsNoTracking().Include(s => s.Evidence).Where(s => chunk.Contains(s.Id)).ToListAsync(cancellationToken));
        }

        var codes = await db.Grantors.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Code, cancellationToken);
        var rows = signals
            .Select(s => new[] { RiskIndicators.CodeOf(s.Indicator), codes[s.GrantorId], s.Subject, s.Period, string.Join(',', s.Evidence.OrderBy(e => e.Id).Select(e => e.Reference)) })
            .OrderBy(r => r[0], StringComparer.Ordinal).ThenBy(r => r[1], StringComparer.Ordinal).ThenBy(r => r[2], StringComparer.Ordinal).ThenBy(r => r[3], StringComparer.Ordinal);
        await SemicolonCsv.WriteAsync(stream, Header, rows, cancellationToken);
    }
}
