using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Data;
using OpenPgb.Core.Ledger;
using OpenPgb.Core.WorkTasks;

namespace OpenPgb.Core.Payments;

public sealed record BankFeedbackResult(BankFeedbackKind Kind, bool AlreadyImported, int Returned, int AlreadyReturned, IReadOnlyList<string> Unknown);

/// <summary>
/// Applies bank feedback: every returned payment is reversed in the ledger (a new entry, never an edit), its claims
/// become "returned" (committed again, payable once the provider corrects the IBAN) and the grantor gets a work task
/// to check the provider's account. One transaction per file; the same file twice changes nothing.
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
        if (await db.Set<BankFeedbackImport>().AnyAsync(i => i.Sha256 == sha256, cancellationToken))
        {
            return new BankFeedbackResult(feedback.Kind, true, 0, 0, []);
        }

        var returns = feedback.Returns.ToList();
        if (feedback.RejectedMessageId is { } rejected)
        {
            var endToEndIds = await db.Payments.Where(p => db.PaymentRuns.Any(r => r.Id == p.PaymentRunId && r.MessageId == rejected)).Select(p => p.EndToEndId).ToListAsync(cancellationToken);
            returns.AddRange(endToEndIds.Select(id => new BankReturn(id, feedback.RejectionReason ?? "NARR", "bestand geweigerd")));
        }

        var ids = returns.Select(r => r.EndToEndId).Distinct(StringComparer.Ordinal).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var payments = await db.Payments.Where(p => ids.Contains(p.EndToEndId)).ToDictionaryAsync(p => p.EndToEndId, StringComparer.Ordinal, cancellationToken);
        var unknown = ids.Where(id => !payments.ContainsKey(id)).ToList();
        var now = time.GetUtcNow();
        int returned = 0, already = 0;
        foreach (var bankReturn in returns.DistinctBy(r => r.EndToEndId))
        {
            if (!payments.TryGetValue(bankReturn.EndToEndId, out var payment))
            {
                continue;
            }

            if (payment.Status == PaymentStatus.Returned)
            {
                already++;
                continue;
            }

            await ReturnAsync(payment, bankReturn, now, cancellationToken);
            returned++;
        }

        db.Add(BankFeedbackImport.Record(feedback, fileName, sha256, importedBy, returned, unknown, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new BankFeedbackResult(feedback.Kind, false, returned, already, unknown);
    }

    private async Task ReturnAsync(Payment payment, BankReturn bankReturn, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reason = $"{bankReturn.ReasonCode} {BankFeedbackReader.Describe(bankReturn.ReasonCode)}";
        payment.MarkReturned(reason.Length > 200 ? reason[..200] : reason, now);
        var booking = await db.JournalEntries.Include(e => e.Transfers).SingleAsync(e => e.PaymentId == payment.Id && e.Kind == JournalEntryKind.Payment, cancellationToken);
        db.JournalEntries.Add(JournalEntry.Reversal(booking, JournalEntryKind.PaymentReturned, $"betaling {payment.EndToEndId} teruggekomen: {bankReturn.ReasonCode}", now));
        await db.PaymentItems.Where(i => i.PaymentId == payment.Id).ExecuteUpdateAsync(u => u.SetProperty(i => i.ReturnedAt, now), cancellationToken);
        await db.Claims.IgnoreQueryFilters()
            .Where(c => c.Status == ClaimStatus.Paid && db.PaymentItems.Any(i => i.PaymentId == payment.Id && i.ClaimId == c.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, ClaimStatus.Returned), cancellationToken);
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
