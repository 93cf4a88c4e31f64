using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenPgb.Core.Access;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Claims;

/// <summary>
/// The monthly job: after a month ends, every approved agreement with a fixed monthly amount gets its claim for the
/// days of that month it covered. It runs once per month however often it starts: each claim's external key
/// (agreement and month) is unique, so a second start finds them made.
/// </summary>
public sealed partial class FixedMonthlyClaims(OpenPgbDbContext db, IServiceScopeFactory scopes, ILogger<FixedMonthlyClaims> logger)
{
    public async Task<(int Created, int Refused)> CreateForMonthAsync(DateOnly anyDayOfMonth, CancellationToken cancellationToken)
    {
        var first = new DateOnly(anyDayOfMonth.Year, anyDayOfMonth.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var candidates = await db.CareAgreements.AsNoTracking()
            .Where(a => a.Versions.Any(v => (v.Status == AgreementStatus.Approved || v.Status == AgreementStatus.Ended)
                && v.FixedMonthlyCents != null && v.StartDate <= last && v.EndDate >= first))
            .Where(a => a.EndedOn == null || a.EndedOn >= first)
            .Include(a => a.Versions)
            .ToListAsync(cancellationToken);
        var keys = candidates.Select(a => ClaimService.FixedMonthlyKey(a.Id, first)).ToList();
        var done = (await db.Claims.Unfiltered(Because.SystemProcess).Where(c => c.ExternalKey != null && keys.Contains(c.ExternalKey)).Select(c => c.ExternalKey!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        int created = 0, refused = 0;
        foreach (var agreement in candidates.Where(a => !done.Contains(ClaimService.FixedMonthlyKey(a.Id, first))))
        {
            var version = agreement.ApprovedVersion!;
            var from = version.StartDate > first ? version.StartDate : first;
            var to = new[] { last, version.EndDate, agreement.EndedOn ?? last }.Min();

            // One unit of work per claim, so one refusal or a concurrent start does not stop the others.
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Current = AccessScope.System;
            try
            {
                var (id, refusal) = await scope.ServiceProvider.GetRequiredService<ClaimService>().SubmitFixedMonthlyAsync(agreement.Id, from, to, cancellationToken);
                if (id is null)
                {
                    refused++;
                    LogRefused(logger, agreement.Id, refusal!.Message);
                }
                else
                {
                    created++;
                }
            }
            catch (DbUpdateException)
            {
                // Another node made it first: the unique key held.
            }
        }

        return (created, refused);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fixed monthly claim of agreement {AgreementId} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, long agreementId, string reason);
}
