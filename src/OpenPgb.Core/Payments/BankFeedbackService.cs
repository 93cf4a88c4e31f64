using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Access;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Ledger;
using OpenPgb.Core.WorkTasks;

namespace OpenPgb.Core.Payments;

/// <summary>What an import did: payments returned now, returned before, amounts left to a person, and references that match no payment.</summary>
public sealed record BankFeedbackResult(BankFeedbackKind Kind, bool AlreadyImported, int Returned, int AlreadyReturned, int ToCheck, IReadOnlyList<string> Unknown);

/// <summary>
/// Applies bank feedback: every returned payment is reversed in the ledger (a new entry, never an edit), its claims
/// become "returned" (committed again, payable once the provider corrects the IBAN) and the grantor gets a work task
/// to check the provider's account. A payment is found by its EndToEndId, and must also belong to the original
/// message and payment block when the bank names them. Only exactly what was paid is reversed: a return of another
/// amount is left to a person (a work task), never booked by guess. One transaction per file; the work is idempotent
/// per payment, so the same file may be imported again (after an unknown reference was cleared up) and only what was
/// not yet done is done.
/// </summary>
public sealed class BankFeedbackService(OpenPgbDbContext db, WorkTaskService tasks, TimeProvider time)
{
    private const int CheckDays = 5;

    public async Task<BankFeedbackResult> ImportAsync(byte[] content, string fileName, string importedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var stream = new MemoryStream(content, writable: false);
        var feedback = BankFeedbackReader.Read(stream);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var seenBefore = await db.Set<BankFeedbackImport>().AnyAsync(i => i.Sha256 == sha256, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var returns = new List<BankReturn>(feedback.Returns);
        foreach (var rejection in feedback.Rejections)
        {
            var rejected = await RejectedPaymentsAsync(rejection, cancellationToken);
            if (rejected.Count == 0)
            {
                returns.Add(new BankReturn(rejection.OriginalMessageId, rejection.OriginalPaymentInfoId, null, rejection.ReasonCode, null, null));
            }

            returns.AddRange(rejected);
        }

        var now = time.GetUtcNow();
        int returned = 0, already = 0, toCheck = 0;
        var unknown = new List<string>();
        foreach (var bankReturn in returns)
        {
            var payment = await FindAsync(bankReturn, cancellationToken);
            if (payment is null)
            {
                unknown.Add(bankReturn.Reference);
            }
            else if (payment.Status == PaymentStatus.Returned)
            {
                already++;
            }
            else if (bankReturn.AmountCents is { } cents && cents != payment.AmountCents)
            {
                toCheck += await RaiseCheckAsync(payment, bankReturn, cents, cancellationToken) ? 1 : 0;
            }
            else
            {
                await ReturnAsync(payment, bankReturn, now, cancellationToken);
                returned++;
            }
        }

        db.Add(BankFeedbackImport.Record(feedback, fileName, sha256, importedBy, returned, unknown, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new BankFeedbackResult(feedback.Kind, seenBefore && returned == 0 && toCheck == 0, returned, already, toCheck, unknown);
    }

    // Every payment of the rejected file, or of its rejected block (PmtInfId is the MsgId and the grantor's code).
    private async Task<List<BankReturn>> RejectedPaymentsAsync(BankRejection rejection, CancellationToken cancellationToken)
    {
        var grantorCode = rejection.OriginalPaymentInfoId is { } block && block.StartsWith(rejection.OriginalMessageId + "-", StringComparison.Ordinal)
            ? block[(rejection.OriginalMessageId.Length + 1)..]
            : null;
        if (rejection.OriginalPaymentInfoId is not null && grantorCode is null)
        {
            return [];
        }

        var payments = db.Payments.Where(p => db.PaymentRuns.Any(r => r.Id == p.PaymentRunId && r.MessageId == rejection.OriginalMessageId));
        if (grantorCode is not null)
        {
            payments = payments.Where(p => db.Grantors.Any(g => g.Id == p.GrantorId && g.Code == grantorCode));
        }

        var information = rejection.OriginalPaymentInfoId is null ? "bestand geweigerd" : "betaalblok geweigerd";
        return [.. (await payments.Select(p => p.EndToEndId).ToListAsync(cancellationToken))
            .Select(id => new BankReturn(rejection.OriginalMessageId, rejection.OriginalPaymentInfoId, id, rejection.ReasonCode, information, null))];
    }

    private async Task<Payment?> FindAsync(BankReturn bankReturn, CancellationToken cancellationToken)
    {
        if (bankReturn.EndToEndId is not { } endToEndId)
        {
            return null;
        }

        var candidates = await db.Payments.Where(p => p.EndToEndId == endToEndId)
            .Join(db.PaymentRuns, p => p.PaymentRunId, r => r.Id, (p, r) => new { Payment = p, r.MessageId, GrantorCode = db.Grantors.Where(g => g.Id == p.GrantorId).Select(g => g.Code).Single() })
            .ToListAsync(cancellationToken);
        var matching = candidates.Where(c =>
            (bankReturn.OriginalMessageId is null || c.MessageId == bankReturn.OriginalMessageId)
            && (bankReturn.OriginalPaymentInfoId is null || bankReturn.OriginalPaymentInfoId == $"{c.MessageId}-{c.GrantorCode}")).ToList();
        return matching.Count == 1 ? matching[0].Payment : null;
    }

    // A return that is not the paid amount is not booked by guess: the grantor checks it with the agency, once per payment.
    private async Task<bool> RaiseCheckAsync(Payment payment, BankReturn bankReturn, long returnedCents, CancellationToken cancellationToken)
    {
        if (await db.WorkTasks.AnyAsync(t => t.Type == WorkTaskType.BankFeedbackToCheck && t.SubjectKind == WorkTaskSubject.Payment && t.SubjectId == payment.Id && t.Status == WorkTaskStatus.Open, cancellationToken))
        {
            return false;
        }

        var amount = returnedCents < 0 ? "een bedrag in een andere valuta" : Money.FormatEuro(returnedCents);
        tasks.Create(
            payment.GrantorId,
            WorkTaskType.BankFeedbackToCheck,
            WorkTaskSubject.Payment,
            payment.Id,
            null,
            $"De bank boekte {amount} terug van betaling {payment.EndToEndId} ({Money.FormatEuro(payment.AmountCents)}, {BankFeedbackReader.Describe(bankReturn.ReasonCode)}): niet automatisch verwerkt, neem contact op met de SVB",
            CheckDays);
        return true;
    }

    private async Task ReturnAsync(Payment payment, BankReturn bankReturn, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reason = $"{bankReturn.ReasonCode} {BankFeedbackReader.Describe(bankReturn.ReasonCode)}";
        payment.MarkReturned(reason.Length > 200 ? reason[..200] : reason, now);
        var booking = await db.JournalEntries.Include(e => e.Transfers).SingleAsync(e => e.PaymentId == payment.Id && e.Kind == JournalEntryKind.Payment, cancellationToken);
        db.JournalEntries.Add(JournalEntry.Reversal(booking, JournalEntryKind.PaymentReturned, $"betaling {payment.EndToEndId} teruggekomen: {bankReturn.ReasonCode}", now));
        // The claims were paid by this payment's items (their stored status stayed approved, ADR 0015): now returned.
        await db.Claims.Unfiltered(Because.SystemProcess)
            .Where(c => c.Status == ClaimStatus.Approved && db.PaymentItems.Any(i => i.PaymentId == payment.Id && i.ClaimId == c.Id && i.ReturnedAt == null))
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, ClaimStatus.Returned), cancellationToken);
        await db.PaymentItems.Where(i => i.PaymentId == payment.Id).ExecuteUpdateAsync(u => u.SetProperty(i => i.ReturnedAt, now), cancellationToken);
        tasks.Create(
            payment.GrantorId,
            WorkTaskType.PaymentReturned,
            WorkTaskSubject.Payment,
            payment.Id,
            null,
            $"Betaling {payment.EndToEndId} aan {payment.CreditorName} teruggekomen ({BankFeedbackReader.Describe(bankReturn.ReasonCode)}): controleer het IBAN met de zorgverlener",
            CheckDays);
    }
}
