using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Access;
using OpenPgb.Core.Audit;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Payments;

/// <summary>Payment blocks: set and lifted by an employee of the grantor, for its own budget holders, providers and agreements.</summary>
public sealed class PaymentBlockService(OpenPgbDbContext db, AccessLog accessLog, TimeProvider time)
{
    public async Task<long> BlockAsync(Actor actor, PaymentBlockSubject subject, long subjectId, string reason, DateOnly from, DateOnly? until, CancellationToken cancellationToken)
    {
        var grantorId = Rights.RequireEmployee(actor, "sets or lifts payment blocks");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new BusinessRuleException("RedenVanBlokkade", "Geef de reden van de blokkade.");
        }

        var budgetHolderId = await BudgetHolderOfAsync(subject, subjectId, grantorId, cancellationToken);
        var block = PaymentBlock.Create(grantorId, subject, subjectId, reason, from, until, actor.Name, time.GetUtcNow());
        db.PaymentBlocks.Add(block);

        // Within the caller's transaction when there is one (a risk signal's one-step block commits both or neither).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveChangesAsync(cancellationToken);
        accessLog.Changed(actor, budgetHolderId, "betalingsblokkade ingesteld", $"blokkade {block.Id} op {subject} {subjectId} vanaf {from:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return block.Id;
    }

    public async Task LiftAsync(Actor actor, long blockId, CancellationToken cancellationToken)
    {
        var grantorId = Rights.RequireEmployee(actor, "sets or lifts payment blocks");
        var block = await db.PaymentBlocks.SingleOrDefaultAsync(b => b.Id == blockId && b.GrantorId == grantorId, cancellationToken)
            ?? throw new NotVisibleException($"Payment block {blockId} is not visible in this scope.");
        block.Lift(actor.Name, time.GetUtcNow());
        var budgetHolderId = await BudgetHolderOfAsync(block.Subject, block.SubjectId, grantorId, cancellationToken);
        accessLog.Changed(actor, budgetHolderId, "betalingsblokkade opgeheven", $"blokkade {block.Id}");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PaymentBlock>> ListAsync(Actor actor, bool includeLifted, CancellationToken cancellationToken)
    {
        var grantorId = Rights.RequireEmployee(actor, "sets or lifts payment blocks");
        return await db.PaymentBlocks.AsNoTracking()
            .Where(b => b.GrantorId == grantorId && (includeLifted || b.LiftedAt == null))
            .OrderByDescending(b => b.Id)
            .ToListAsync(cancellationToken);
    }

    // The subject must belong to the grantor: its budget holder or agreement is visible in the employee's scope; a
    // provider is anyone with an agreement on one of the grantor's budgets.
    private async Task<long?> BudgetHolderOfAsync(PaymentBlockSubject subject, long subjectId, int grantorId, CancellationToken cancellationToken)
    {
        switch (subject)
        {
            case PaymentBlockSubject.BudgetHolder:
                return await db.Grants.AnyAsync(g => g.BudgetHolderId == subjectId && g.GrantorId == grantorId, cancellationToken)
                    ? subjectId
                    : throw new NotVisibleException($"Budget holder {subjectId} is not one of this grantor's.");
            case PaymentBlockSubject.CareAgreement:
                return await db.CareAgreements.Where(a => a.Id == subjectId && a.GrantorId == grantorId).Select(a => (long?)a.BudgetHolderId).SingleOrDefaultAsync(cancellationToken)
                    ?? throw new NotVisibleException($"Care agreement {subjectId} is not one of this grantor's.");
            default:
                return await db.CareAgreements.AnyAsync(a => a.CareProviderId == subjectId && a.GrantorId == grantorId, cancellationToken)
                    ? null
                    : throw new NotVisibleException($"Care provider {subjectId} has no agreement with this grantor.");
        }
    }
}
