using Microsoft.EntityFrameworkCore;

namespace OpenPgb.Web.Tests.Support;

/// <summary>Ids from the seeded demo data: one of each object for Amsterdam (0363) and one for Utrecht (0344).</summary>
public sealed record DemoIds(long AmsterdamHolder, long AmsterdamGrant, long AmsterdamMessage, long UtrechtHolder, long UtrechtGrant, long UtrechtMessage, long RepresentedGrant, long OwnGrant)
{
    /// <summary>The budget holder's first agreement (a draft with Zorg Op Maat), letter and Amsterdam's first task.</summary>
    public long OwnAgreement { get; init; }

    public long OwnLetter { get; init; }

    public long AmsterdamTask { get; init; }

    public long UtrechtAgreement { get; init; }

    public long UtrechtLetter { get; init; }

    public long UtrechtTask { get; init; }

    /// <summary>The demo's payment to Zorg Op Maat (Amsterdam) and the run that made it.</summary>
    public long AmsterdamPayment { get; init; }

    public long PaymentRun { get; init; }

    /// <summary>The demo's risk signals (its planted shared IBAN) of Amsterdam and of Utrecht.</summary>
    public long AmsterdamSignal { get; init; }

    public long UtrechtSignal { get; init; }

    public static async Task<DemoIds> LoadAsync(OpenPgbWebFactory factory) => await factory.QueryAsync(async db =>
    {
        var amsterdam = await db.Grants.Where(g => g.Grantor!.Code == "0363").OrderBy(g => g.Id).FirstAsync();
        var utrecht = await db.Grants.Where(g => g.Grantor!.Code == "0344").OrderBy(g => g.Id).FirstAsync();
        var repBsn = await db.Users.Where(u => u.UserName == "vertegenwoordiger").Select(u => u.Bsn).SingleAsync();
        var ownBsn = await db.Users.Where(u => u.UserName == "budgethouder").Select(u => u.Bsn).SingleAsync();
        var represented = await db.Set<OpenPgb.Core.Grants.GrantAccess>().Where(a => a.Bsn == repBsn).Select(a => a.GrantId).FirstAsync();
        var own = await db.Grants.Where(g => g.BudgetHolder!.Bsn == ownBsn).Select(g => g.Id).FirstAsync();
        return new DemoIds(
            amsterdam.BudgetHolderId,
            amsterdam.Id,
            await db.IntakeMessages.Where(m => m.GrantId == amsterdam.Id).Select(m => m.Id).FirstAsync(),
            utrecht.BudgetHolderId,
            utrecht.Id,
            await db.IntakeMessages.Where(m => m.GrantId == utrecht.Id).Select(m => m.Id).FirstAsync(),
            represented,
            own)
        {
            OwnAgreement = await db.CareAgreements.Where(a => a.GrantId == own).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(),
            OwnLetter = await db.Letters.Where(l => l.GrantId == own).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync(),
            AmsterdamTask = await db.WorkTasks.Where(t => t.GrantorId == amsterdam.GrantorId).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(),
            UtrechtAgreement = await db.CareAgreements.Where(a => a.GrantorId == utrecht.GrantorId).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(),
            UtrechtLetter = await db.Letters.Where(l => l.GrantorId == utrecht.GrantorId).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync(),
            UtrechtTask = await db.WorkTasks.Where(t => t.GrantorId == utrecht.GrantorId).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(),
            AmsterdamPayment = await db.Payments.Where(p => p.GrantorId == amsterdam.GrantorId).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
            PaymentRun = await db.PaymentRuns.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(),
            AmsterdamSignal = await db.RiskSignals.Where(s => s.GrantorId == amsterdam.GrantorId).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
            UtrechtSignal = await db.RiskSignals.Where(s => s.GrantorId == utrecht.GrantorId).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
        };
    });
}
