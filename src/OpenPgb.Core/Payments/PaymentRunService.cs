using System.Data;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenPgb.Core.Access;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Payments;

public enum PaymentRunOutcome
{
    /// <summary>A new run was booked and its file written.</summary>
    Completed,

    /// <summary>A run booked before a crash had its file written now.</summary>
    Resumed,

    /// <summary>The daily run of this business date had already been done.</summary>
    AlreadyDone,

    /// <summary>No claim was payable: no run, no file.</summary>
    NothingToPay,
}

public sealed record PaymentRunResult(long? RunId, string? MessageId, int Payments, int Claims, long TotalCents, string? FilePath, PaymentRunOutcome Outcome);

/// <summary>
/// The payment run. Booking is one transaction of set-based SQL (the same statements on PostgreSQL and SQLite):
/// the run row, its payments (one per grantor and provider), their items (one per claim), the paid claims out of the
/// payment queue, and the journal. The claims' own rows are not touched: a claim with an unreturned item is paid
/// (ADR 0015). A crash before the commit leaves nothing; after it, the run is "booked" and the next start writes its
/// file, which depends only on stored rows and is therefore the same bytes every time. Callers hold a
/// <see cref="JobLease"/> so that two nodes never run at once.
/// </summary>
public sealed partial class PaymentRunService(OpenPgbDbContext db, PaymentOptions options, WorkTasks.WorkTaskService tasks, TimeProvider time, ILogger<PaymentRunService> logger)
{
    public const string LeaseName = "payment-run";

    /// <summary>
    /// Finishes any booked run, then (for a daily run, once per business date) books and writes a new one.
    /// Safe to call again after a crash at any point.
    /// </summary>
    public async Task<PaymentRunResult> RunAsync(PaymentRunKind kind, DateOnly businessDate, string startedBy, string outputDirectory, CancellationToken cancellationToken, Func<string, CancellationToken, Task>? progress = null)
    {
        progress ??= (_, _) => Task.CompletedTask;
        Directory.CreateDirectory(outputDirectory);
        PaymentRunResult? resumed = null;
        foreach (var booked in await db.PaymentRuns.Where(r => r.Status == PaymentRunStatus.Booked).OrderBy(r => r.Id).ToListAsync(cancellationToken))
        {
            LogResuming(logger, booked.Id);
            try
            {
                resumed = await WriteFileAsync(booked, outputDirectory, PaymentRunOutcome.Resumed, cancellationToken);
            }
            catch (PaymentFileException ex)
            {
                // A booked run whose file cannot be written stays booked and is reported; it never stops today's run.
                LogFileFailed(logger, ex, booked.Id);
            }
        }

        if (kind == PaymentRunKind.Daily)
        {
            var done = await db.PaymentRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Kind == PaymentRunKind.Daily && r.BusinessDate == businessDate, cancellationToken);
            if (done is not null)
            {
                return resumed is { } r && r.RunId == done.Id ? r : Result(done, outputDirectory, PaymentRunOutcome.AlreadyDone);
            }
        }

        await progress("Zorgverleners controleren (naam en IBAN)", cancellationToken);
        await HoldUnwritablePayeesAsync(cancellationToken);
        await progress("Declaraties selecteren en boeken", cancellationToken);
        var run = await BookAsync(kind, businessDate, startedBy, cancellationToken);
        if (run is null)
        {
            return new PaymentRunResult(null, null, 0, 0, 0, null, PaymentRunOutcome.NothingToPay);
        }

        await progress($"Betaalbestand schrijven ({run.PaymentCount} betalingen)", cancellationToken);
        return await WriteFileAsync(run, outputDirectory, PaymentRunOutcome.Completed, cancellationToken);
    }

    /// <summary>
    /// Writes the file of a booked or completed run again: the same bytes as the first time, validated against the
    /// schema before a byte reaches <paramref name="output"/>, so a caller never gets an invalid or partial file.
    /// </summary>
    public async Task WriteFileToAsync(long runId, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var run = await db.PaymentRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken)
            ?? throw new NotVisibleException($"Payment run {runId} does not exist.");
        using var buffer = new MemoryStream();
        try
        {
            await WriteAsync(run, buffer, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            throw new PaymentFileException($"The file of payment run {runId} cannot be written: {ex.Message}", ex);
        }

        buffer.Position = 0;
        if (Pain001Schema.Validate(buffer) is { Count: > 0 } errors)
        {
            throw new PaymentFileException($"The file of payment run {runId} fails the pain.001.001.09 schema: {string.Join("; ", errors)}");
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    private async Task<PaymentRun?> BookAsync(PaymentRunKind kind, DateOnly businessDate, string startedBy, CancellationToken cancellationToken)
    {
        // A national run moves a million rows in one transaction: no statement timeout of the default 30 seconds.
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));

        // Repeatable read: every statement below sees the same approved claims (SQLite is serialisable anyway).
        await using var transaction = await db.Database.BeginTransactionAsync(
            db.Database.IsNpgsql() ? IsolationLevel.RepeatableRead : IsolationLevel.Serializable, cancellationToken);
        var sequence = kind == PaymentRunKind.Daily
            ? 1
            : await db.PaymentRuns.CountAsync(r => r.Kind == kind && r.BusinessDate == businessDate, cancellationToken) + 1;
        var run = PaymentRun.Start(kind, businessDate, sequence, startedBy, time.GetUtcNow());
        db.PaymentRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);

        var sql = new PaymentRunSql(db, run.Id, businessDate, EndToEndPrefix(run.MessageId), time.GetUtcNow());
        var phase = time.GetTimestamp();
        var selected = await sql.SelectClaimsAsync(cancellationToken);
        Phase("claims selected from the payment queue", phase);
        if (selected == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return null;
        }

        phase = time.GetTimestamp();
        var payments = await sql.InsertPaymentsAsync(cancellationToken);
        Phase("payments", phase);
        await RequireWritablePaymentsAsync(run.Id, cancellationToken);
        phase = time.GetTimestamp();
        var claims = await sql.InsertItemsAsync(cancellationToken);
        Phase("items", phase);
        phase = time.GetTimestamp();
        await sql.DequeueAsync(claims, cancellationToken);
        Phase("claims left the queue", phase);
        phase = time.GetTimestamp();
        await sql.BookAsync(cancellationToken);
        Phase("journal", phase);
        phase = time.GetTimestamp();
        var (count, total) = await sql.CheckTotalsAsync(selected, payments, claims, cancellationToken);
        Phase("totals checked", phase);
        run.Booked(count, claims, total);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogBooked(logger, run.Id, run.MessageId, count, claims, total);
        return run;
    }

    /// <summary>
    /// Before anything is booked: payees whose name or IBAN cannot go into a SEPA file have their payable claims held
    /// (with a work task for the grantor), so the run pays everyone else. A corrected name or IBAN lifts the hold
    /// (<see cref="CareProviders.CareProviderService"/>), as does an employee's release.
    /// </summary>
    private async Task HoldUnwritablePayeesAsync(CancellationToken cancellationToken)
    {
        var payees = await db.PayableClaims
            .GroupBy(q => new { q.GrantorId, q.CareProviderId })
            .Select(g => new { g.Key.GrantorId, g.Key.CareProviderId, Total = g.Sum(q => q.AmountCents) })
            .ToListAsync(cancellationToken);
        var providerIds = payees.Select(p => p.CareProviderId).Distinct().ToList();
        var providers = new Dictionary<long, (string Name, string Iban, string ProviderNumber)>();
        foreach (var chunk in providerIds.Chunk(10_000))
        {
            foreach (var p in await db.CareProviders.AsNoTracking().Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.Iban, p.ProviderNumber }).ToListAsync(cancellationToken))
            {
                providers[p.Id] = (p.Name, p.Iban, p.ProviderNumber);
            }
        }

        var held = payees
            .Select(p => (Payee: p, Provider: providers[p.CareProviderId], Problem: PayeeCheck.Problem(providers[p.CareProviderId].Name, providers[p.CareProviderId].Iban, p.Total)))
            .Where(p => p.Problem is not null)
            .ToList();
        if (held.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (payee, provider, problem) in held)
        {
            // The queued claims of this payee are held: the hold is written on the claim and the claim leaves the queue.
            var reason = PayeeCheck.HoldPrefix + problem;
            var queued = db.PayableClaims.Where(q => q.GrantorId == payee.GrantorId && q.CareProviderId == payee.CareProviderId).Select(q => q.ClaimId);
            await db.Claims.Where(c => queued.Contains(c.Id)).ExecuteUpdateAsync(c => c.SetProperty(x => x.HoldReason, reason), cancellationToken);
            await db.PayableClaims.Where(q => q.GrantorId == payee.GrantorId && q.CareProviderId == payee.CareProviderId && db.Claims.Any(c => c.Id == q.ClaimId && c.HoldReason != null))
                .ExecuteDeleteAsync(cancellationToken);
            var open = await db.WorkTasks.AnyAsync(
                t => t.GrantorId == payee.GrantorId && t.Type == WorkTasks.WorkTaskType.PaymentHeld && t.SubjectId == payee.CareProviderId && t.Status == WorkTasks.WorkTaskStatus.Open,
                cancellationToken);
            if (!open)
            {
                tasks.Create(payee.GrantorId, WorkTasks.WorkTaskType.PaymentHeld, WorkTasks.WorkTaskSubject.CareProvider, payee.CareProviderId, null, $"Betaling aan zorgverlener {provider.ProviderNumber} vastgehouden: {problem}", 5);
            }

            LogPayeeHeld(logger, payee.GrantorId, payee.CareProviderId);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    // Inside the run's transaction: the payments as inserted must all be writable. The hold above makes this hold; a
    // payee changed in between rolls the whole run back rather than book what its file cannot carry.
    private async Task RequireWritablePaymentsAsync(long runId, CancellationToken cancellationToken)
    {
        var payments = db.Payments.AsNoTracking().Where(p => p.PaymentRunId == runId)
            .Select(p => new { p.EndToEndId, p.CreditorName, p.CreditorIban, p.AmountCents }).AsAsyncEnumerable();
        await foreach (var p in payments.WithCancellation(cancellationToken))
        {
            var problem = PayeeCheck.Problem(p.CreditorName, p.CreditorIban, p.AmountCents) ?? (SepaText.IsValidReference(p.EndToEndId) ? null : "EndToEndId");
            if (problem is not null)
            {
                throw new InvalidOperationException($"Payment {p.EndToEndId} of run {runId} cannot be written ({problem}); nothing was booked.");
            }
        }
    }

    private async Task<PaymentRunResult> WriteFileAsync(PaymentRun run, string outputDirectory, PaymentRunOutcome outcome, CancellationToken cancellationToken)
    {
        var fileName = run.MessageId + ".xml";
        var path = Path.Combine(outputDirectory, fileName);
        var temporary = path + ".tmp";
        var phase = time.GetTimestamp();
        try
        {
            await using var file = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
            await WriteAsync(run, file, cancellationToken);
            file.Flush(flushToDisk: true);
            file.Position = 0;
            var errors = Pain001Schema.Validate(file);
            if (errors.Count > 0)
            {
                throw new PaymentFileException($"Payment file {fileName} fails the pain.001.001.09 schema: {string.Join("; ", errors)}");
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            File.Delete(temporary);
            throw new PaymentFileException($"Payment file {fileName} of run {run.Id} cannot be written: {ex.Message}", ex);
        }
        catch (PaymentFileException)
        {
            File.Delete(temporary);
            throw;
        }

        string sha256;
        await using (var read = File.OpenRead(temporary))
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(read, cancellationToken));
        }

        File.Move(temporary, path, overwrite: true);
        Phase("file written, validated and hashed", phase);
        run.Complete(fileName, sha256, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        LogCompleted(logger, run.Id, path);
        return Result(run, outputDirectory, outcome);
    }

    private async Task WriteAsync(PaymentRun run, Stream output, CancellationToken cancellationToken)
    {
        var blocks = await db.Payments.AsNoTracking().Where(p => p.PaymentRunId == run.Id)
            .GroupBy(p => p.GrantorId)
            .Select(g => new { GrantorId = g.Key, Count = g.Count(), Total = g.Sum(p => p.AmountCents) })
            .ToListAsync(cancellationToken);
        var grantors = await db.Grantors.AsNoTracking().ToDictionaryAsync(g => g.Id, cancellationToken);
        var ordered = blocks.OrderBy(b => grantors[b.GrantorId].Code, StringComparer.Ordinal).ToList();
        var header = new Pain001Header(run.MessageId, run.CreatedAt.ToAmsterdam(), ordered.Sum(b => b.Count), ordered.Sum(b => b.Total), options.DebtorName);
        using var writer = new Pain001Writer(output, header);
        foreach (var block in ordered)
        {
            var grantor = grantors[block.GrantorId];
            writer.StartBlock(new Pain001Block($"{run.MessageId}-{grantor.Code}", run.ExecutionDate, $"{options.DebtorName} pgb {grantor.Name}", options.IbanOf(grantor.Code), options.DebtorBic, block.Count, block.Total));
            var payments = db.Payments.AsNoTracking()
                .Where(p => p.PaymentRunId == run.Id && p.GrantorId == block.GrantorId)
                .OrderBy(p => p.EndToEndId)
                .Select(p => new { p.EndToEndId, p.AmountCents, p.CreditorName, p.CreditorIban, p.ClaimCount })
                .AsAsyncEnumerable();
            await foreach (var p in payments.WithCancellation(cancellationToken))
            {
                writer.Write(new Pain001Transaction(
                    p.EndToEndId,
                    p.AmountCents,
                    p.CreditorName,
                    p.CreditorIban,
                    $"Pgb {grantor.Name} {p.ClaimCount} declaratie(s) ref {p.EndToEndId} specificatie in het portaal"));
            }

            writer.EndBlock();
        }

        writer.Finish();
    }

    private static PaymentRunResult Result(PaymentRun run, string outputDirectory, PaymentRunOutcome outcome) =>
        new(run.Id, run.MessageId, run.PaymentCount, run.ClaimCount, run.TotalCents, run.FileName is null ? null : Path.Combine(outputDirectory, run.FileName), outcome);

    // "OPENPGB-20261126-D1" -> "20261126-D1": the run part of every EndToEndId.
    private static string EndToEndPrefix(string messageId) => messageId["OPENPGB-".Length..];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment run {RunId} was booked but has no file yet; writing it now")]
    private static partial void LogResuming(ILogger logger, long runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment run {RunId} ({MessageId}) booked: {Payments} payments, {Claims} claims, {TotalCents} cents")]
    private static partial void LogBooked(ILogger logger, long runId, string messageId, int payments, int claims, long totalCents);

    // Where a run spends its time, at Debug level (the benchmark turns it on).
    private void Phase(string name, long startedAt)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var milliseconds = time.GetElapsedTime(startedAt).TotalMilliseconds;
            LogPhase(logger, name, milliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Payment run phase {Phase}: {Milliseconds} ms")]
    private static partial void LogPhase(ILogger logger, string phase, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Payment run {RunId} is booked but its file cannot be written; later runs go on")]
    private static partial void LogFileFailed(ILogger logger, Exception exception, long runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claims of grantor {GrantorId} for provider {CareProviderId} held: the payee cannot be written to SEPA")]
    private static partial void LogPayeeHeld(ILogger logger, int grantorId, long careProviderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment run {RunId} completed: {Path}")]
    private static partial void LogCompleted(ILogger logger, long runId, string path);
}

/// <summary>A payment file could not be written or failed its schema; no file was left behind.</summary>
public sealed class PaymentFileException(string message, Exception? inner = null) : Exception(message, inner);
