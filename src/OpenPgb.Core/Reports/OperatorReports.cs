using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Access;
using OpenPgb.Core.Data;
using OpenPgb.Core.Ipgb;
using OpenPgb.Core.Payments;

namespace OpenPgb.Core.Reports;

/// <summary>Rejected 501s of one grantor (or of an unknown sender) with one retour code, in a period.</summary>
public sealed record IntakeRejectionRow(string Grantor, string ReturnCode, string Description, int Messages);

/// <summary>The payment runs of one month: how many, what they paid, and what the bank sent back.</summary>
public sealed record PaymentRunMonth(int Year, int Month, int Runs, int Claims, long PaidCents, int ReturnedPayments, long ReturnedCents);

/// <summary>The operators' reports across grantors: intake rejections per grantor and retour code; payment runs over time.</summary>
public sealed class OperatorReports(OpenPgbDbContext db)
{
    public async Task<IReadOnlyList<IntakeRejectionRow>> IntakeRejectionsAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        RequireOperator();
        var (from, to) = Instants(period);
        var groups = await db.IntakeMessages.AsNoTracking()
            .Where(m => m.Outcome == IntakeOutcome.Rejected && m.ReceivedAt >= from && m.ReceivedAt < to)
            .GroupBy(m => new { m.GrantorId, m.ReturnCodes })
            .Select(g => new { g.Key.GrantorId, g.Key.ReturnCodes, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var grantors = await db.Grantors.AsNoTracking().ToDictionaryAsync(g => g.Id, g => $"{g.Code} {g.Name}", cancellationToken);

        // A message with two codes counts once under each.
        return [.. groups
            .SelectMany(g => g.ReturnCodes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(code => (Grantor: g.GrantorId is { } id ? grantors[id] : "onbekende afzender", Code: code, g.Count)))
            .GroupBy(r => (r.Grantor, r.Code))
            .Select(g => new IntakeRejectionRow(g.Key.Grantor, g.Key.Code, ReturnCodes.Describe(g.Key.Code), g.Sum(r => r.Count)))
            .OrderBy(r => r.Grantor, StringComparer.Ordinal).ThenByDescending(r => r.Messages).ThenBy(r => r.ReturnCode, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<PaymentRunMonth>> PaymentRunsByMonthAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        RequireOperator();
        var runs = await db.PaymentRuns.AsNoTracking()
            .Where(r => r.ExecutionDate >= period.From && r.ExecutionDate <= period.To)
            .Select(r => new { r.Id, r.ExecutionDate, r.ClaimCount, r.TotalCents })
            .ToListAsync(cancellationToken);
        var ids = runs.Select(r => r.Id).ToList();
        var returned = (await db.Payments.AsNoTracking()
            .Where(p => p.Status == PaymentStatus.Returned && ids.Contains(p.PaymentRunId))
            .GroupBy(p => p.PaymentRunId)
            .Select(g => new { RunId = g.Key, Count = g.Count(), Cents = g.Sum(p => p.AmountCents) })
            .ToListAsync(cancellationToken))
            .ToDictionary(r => r.RunId);
        return [.. runs
            .GroupBy(r => (r.ExecutionDate.Year, r.ExecutionDate.Month))
            .OrderBy(g => g.Key)
            .Select(g => new PaymentRunMonth(
                g.Key.Year,
                g.Key.Month,
                g.Count(),
                g.Sum(r => r.ClaimCount),
                g.Sum(r => r.TotalCents),
                g.Sum(r => returned.GetValueOrDefault(r.Id)?.Count ?? 0),
                g.Sum(r => returned.GetValueOrDefault(r.Id)?.Cents ?? 0)))];
    }

    private void RequireOperator()
    {
        if (db.Scope.Kind != AccessScopeKind.System)
        {
            throw new NotAllowedException("Only operators read the reports across grantors.");
        }
    }

    // The period's days in Amsterdam time, as instants: [first day 00:00, day after the last 00:00).
    private static (DateTimeOffset From, DateTimeOffset To) Instants(ReportPeriod period) =>
        (Common.AmsterdamClock.StartOf(period.From), Common.AmsterdamClock.StartOf(period.To.AddDays(1)));
}
