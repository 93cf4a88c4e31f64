using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Access;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Payments;

/// <summary>Why an approved claim is not paid yet.</summary>
public enum UnpaidReason
{
    /// <summary>Nothing stops it: the next run pays it.</summary>
    WaitingForRun,
    Blocked,
    Held,
    Returned,
    NoIban,
}

/// <summary>An approved, unpaid claim whose payment is due soon or overdue, with why it is not paid.</summary>
public sealed record DueClaim(long ClaimId, string GrantorCode, string ProviderNumber, string ProviderName, long AmountCents, DateOnly DueOn, int BankingDaysLate, UnpaidReason Reason, string ReasonText);

/// <summary>Claims paid in one ISO week, and how many of them within the payment norm.</summary>
public sealed record PaymentNormWeek(string Week, int Paid, int WithinNorm)
{
    public int Percent => Paid == 0 ? 100 : WithinNorm * 100 / Paid;
}

/// <summary>
/// Payment deadlines for operators: every approved claim is due <see cref="Claim.PaymentNormBankingDays"/> banking days
/// after its approval; this lists the overdue and nearly-due ones with the reason they wait, and the share paid
/// within the norm per week.
/// </summary>
public sealed class PaymentDeadlines(OpenPgbDbContext db)
{
    public const int MaxRows = 500;

    /// <summary>Approved, unpaid claims due on or before <paramref name="nearlyDueDays"/> banking days from today, most overdue first.</summary>
    public async Task<IReadOnlyList<DueClaim>> DueAsync(DateOnly today, int nearlyDueDays, CancellationToken cancellationToken)
    {
        RequireOperator();
        var horizon = BankingCalendar.AddBankingDays(today, nearlyDueDays);
        var claims = await db.Claims.AsNoTracking()
            .Where(c => c.PaymentDueOn != null && c.PaymentDueOn <= horizon
                && (c.Status == ClaimStatus.Returned
                    || (c.Status == ClaimStatus.Approved && !db.PaymentItems.Any(i => i.ClaimId == c.Id && i.ReturnedAt == null))))
            .OrderBy(c => c.PaymentDueOn).ThenBy(c => c.Id)
            .Take(MaxRows)
            .Select(c => new { c.Id, c.GrantorId, c.CareProviderId, c.CareAgreementId, c.BudgetHolderId, c.AmountCents, DueOn = c.PaymentDueOn!.Value, c.Status, c.HoldReason })
            .ToListAsync(cancellationToken);
        var providerIds = claims.Select(c => c.CareProviderId).Distinct().ToList();
        var providers = await db.CareProviders.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var grantors = await db.Grantors.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Code, cancellationToken);
        var blocks = (await db.PaymentBlocks.AsNoTracking().Where(b => b.LiftedAt == null).ToListAsync(cancellationToken)).Where(b => b.IsInForceOn(today)).ToList();
        return [.. claims.Select(c =>
        {
            var provider = providers[c.CareProviderId];
            var block = blocks.FirstOrDefault(b => b.GrantorId == c.GrantorId && b.Subject switch
            {
                PaymentBlockSubject.CareProvider => b.SubjectId == c.CareProviderId,
                PaymentBlockSubject.CareAgreement => b.SubjectId == c.CareAgreementId,
                _ => b.SubjectId == c.BudgetHolderId,
            });
            var (reason, text) = c.Status == ClaimStatus.Returned ? (UnpaidReason.Returned, "Teruggekomen van de bank; wacht op een juist rekeningnummer")
                : block is not null ? (UnpaidReason.Blocked, $"Geblokkeerd: {block.Reason}")
                : c.HoldReason is not null ? (UnpaidReason.Held, $"Vastgehouden: {c.HoldReason}")
                : !Parties.Iban.IsValid(provider.Iban) ? (UnpaidReason.NoIban, "Geen geldig rekeningnummer van de zorgverlener")
                : (UnpaidReason.WaitingForRun, "Wacht op de volgende betaalrun");
            return new DueClaim(c.Id, grantors[c.GrantorId], provider.ProviderNumber, provider.Name, c.AmountCents, c.DueOn, BankingDaysBetween(c.DueOn, today), reason, text);
        })];
    }

    /// <summary>Per ISO week of the last <paramref name="weeks"/> weeks: claims paid by a run, and how many by their due date.</summary>
    public async Task<IReadOnlyList<PaymentNormWeek>> PaidWithinNormAsync(DateOnly today, int weeks, CancellationToken cancellationToken)
    {
        RequireOperator();
        var from = today.AddDays(-(7 * weeks) - (((int)today.DayOfWeek + 6) % 7) + 7);
        var perDay = await db.PaymentItems.AsNoTracking()
            .Join(db.PaymentRuns.AsNoTracking().Where(r => r.ExecutionDate >= from && r.ExecutionDate <= today), i => i.PaymentRunId, r => r.Id, (i, r) => new { i.ClaimId, r.ExecutionDate })
            .Join(db.Claims.AsNoTracking().Where(c => c.PaymentDueOn != null), x => x.ClaimId, c => c.Id, (x, c) => new { x.ExecutionDate, Within = x.ExecutionDate <= c.PaymentDueOn })
            .GroupBy(x => x.ExecutionDate)
            .Select(g => new { Day = g.Key, Paid = g.Count(), Within = g.Count(x => x.Within) })
            .ToListAsync(cancellationToken);
        return [.. perDay
            .GroupBy(d => WeekOf(d.Day))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PaymentNormWeek(g.Key, g.Sum(d => d.Paid), g.Sum(d => d.Within)))];
    }

    public static string WeekOf(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(date).ToString(CultureInfo.InvariantCulture)}-W{ISOWeek.GetWeekOfYear(date).ToString("00", CultureInfo.InvariantCulture)}";
    }

    // Banking days from the due date to today: positive when overdue, zero on the day, negative before it.
    private static int BankingDaysBetween(DateOnly due, DateOnly today)
    {
        var (from, to, sign) = due <= today ? (due, today, 1) : (today, due, -1);
        var days = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            days += BankingCalendar.IsBankingDay(d) ? 1 : 0;
        }

        return sign * days;
    }

    private void RequireOperator()
    {
        if (db.Scope.Kind != AccessScopeKind.System)
        {
            throw new NotAllowedException("Only operators watch the payment deadlines across grantors.");
        }
    }
}
