using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Payments;

/// <summary>
/// Manual payment runs: operators queue them (<see cref="RequestAsync"/>), a background job takes the oldest queued
/// request (<see cref="RunNextAsync"/>) and reports its phases as it goes. One request at a time: asking again while
/// one is queued or running answers with that one.
/// </summary>
public sealed partial class ManualPaymentRuns(IServiceScopeFactory scopes, PaymentOptions options, DatabaseSettings database, TimeProvider time, ILogger<ManualPaymentRuns> logger)
{
    /// <summary>Queues a manual run, or returns the one already queued or running.</summary>
    public async Task<PaymentRunRequest> RequestAsync(string requestedBy, CancellationToken cancellationToken)
    {
        await using var scope = SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await ActiveAsync(db, cancellationToken) is { } active)
        {
            return active;
        }

        var request = PaymentRunRequest.Queue(requestedBy, time.GetUtcNow());
        db.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return request;
    }

    /// <summary>The newest requests, newest first, for the operators' page.</summary>
    public async Task<IReadOnlyList<PaymentRunRequest>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        await using var scope = SystemScope();
        return await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().Set<PaymentRunRequest>().AsNoTracking()
            .OrderByDescending(r => r.Id).Take(count).ToListAsync(cancellationToken);
    }

    public async Task<PaymentRunRequest?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var scope = SystemScope();
        return await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().Set<PaymentRunRequest>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    /// <summary>
    /// Runs the oldest queued request, if any, under the payment-run lease (when another run holds it, the request
    /// waits for the next call). A request left "running" by a node that died is failed first, so nothing stays
    /// running for ever. Returns whether a request was handled.
    /// </summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        await using var lease = await JobLease.TryAcquireAsync(database, PaymentRunService.LeaseName, cancellationToken);
        if (lease is null)
        {
            return false;
        }

        await using var scope = SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();

        // Holding the lease, no run of another node is in progress: a "running" request is an orphan of a crash.
        foreach (var orphan in await db.Set<PaymentRunRequest>().Where(r => r.Status == PaymentRunRequestStatus.Running).ToListAsync(cancellationToken))
        {
            orphan.Fail("De betaalrun is onderbroken (de server stopte). Start hem opnieuw: wat al geboekt was, wordt afgemaakt.", time.GetUtcNow());
        }

        var request = await db.Set<PaymentRunRequest>().Where(r => r.Status == PaymentRunRequestStatus.Queued).OrderBy(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }

        request.Start(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            await using var runScope = SystemScope();
            var progress = new Progress(this, request.Id);
            var result = await runScope.ServiceProvider.GetRequiredService<PaymentRunService>()
                .RunAsync(PaymentRunKind.Manual, time.Today(), request.RequestedBy, options.OutputDirectory, cancellationToken, progress.ReportAsync);
            request.Complete(result.RunId, result.RunId is null
                ? "Er was niets te betalen."
                : $"Betaalrun {result.MessageId} uitgevoerd: {result.Payments} betalingen, {result.Claims} declaraties, {Money.FormatEuro(result.TotalCents)}.", time.GetUtcNow());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A business rule explains itself in Dutch; anything else is logged in full and named for what it is.
            LogFailed(logger, ex, request.Id);
            request.Fail(ex is BusinessRuleException
                ? $"De betaalrun is mislukt: {ex.Message}"
                : $"De betaalrun is mislukt door een technische fout (aanvraag {request.Id}); de details staan in het applicatielog. Er is niets half geboekt: probeer het opnieuw zodra de oorzaak is verholpen.", time.GetUtcNow());
        }

        await db.SaveChangesAsync(CancellationToken.None);
        return true;
    }

    private static async Task<PaymentRunRequest?> ActiveAsync(OpenPgbDbContext db, CancellationToken cancellationToken) =>
        await db.Set<PaymentRunRequest>().AsNoTracking()
            .Where(r => r.Status == PaymentRunRequestStatus.Queued || r.Status == PaymentRunRequestStatus.Running)
            .OrderBy(r => r.Id).FirstOrDefaultAsync(cancellationToken);

    private AsyncServiceScope SystemScope()
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Current = AccessScope.System;
        return scope;
    }

    // Each phase in its own short transaction, beside the run's own, so the page sees it while the run goes on.
    private sealed class Progress(ManualPaymentRuns owner, long requestId)
    {
        public async Task ReportAsync(string phase, CancellationToken cancellationToken)
        {
            await using var scope = owner.SystemScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
            var request = await db.Set<PaymentRunRequest>().SingleAsync(r => r.Id == requestId, cancellationToken);
            request.Report(phase);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Manual payment run request {RequestId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, long requestId);
}
