using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenPgb.Core.Audit;
using OpenPgb.Core.Data;
using OpenPgb.Core.Payments;

namespace OpenPgb.Core.Claims;

/// <summary>
/// Works through queued CSV uploads, one at a time across all nodes (a job lease), oldest first. Each upload is
/// submitted in the uploader's name and within their provider's scope, exactly as if they had sent every row from the
/// portal. An upload that was running when a node stopped is taken up again where its saved results end.
/// </summary>
public sealed partial class ClaimUploadRunner(IServiceScopeFactory scopes, DatabaseSettings database, TimeProvider time, ILogger<ClaimUploadRunner> logger)
{
    public const string LeaseName = "claim-uploads";

    /// <summary>Processes the oldest waiting upload, if any. Returns whether one was handled.</summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        // A cheap look first: the lease (a connection of its own) is taken only when there is work.
        if (await NextAsync(cancellationToken) is null)
        {
            return false;
        }

        await using var lease = await JobLease.TryAcquireAsync(database, LeaseName, cancellationToken);
        if (lease is null)
        {
            return false;
        }

        // Holding the lease, nobody else is running one: a "running" upload is an orphan of a stopped node.
        if (await NextAsync(cancellationToken) is not { } next)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Current = AccessScope.ForCareProvider(next.CareProviderId);
        var actor = Actor.Provider(next.UploadedByUserId, next.UploadedBy, next.CareProviderId);
        try
        {
            await scope.ServiceProvider.GetRequiredService<ClaimUploadService>().ProcessAsync(actor, next.Id, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The rows saved so far stay; the provider reads why it stopped and can upload the file again.
            LogFailed(logger, ex, next.Id);
            await using var failing = scopes.CreateAsyncScope();
            failing.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Current = AccessScope.System;
            var db = failing.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
            var upload = await db.Set<ClaimUpload>().SingleAsync(u => u.Id == next.Id, CancellationToken.None);
            upload.Fail("Het verwerken stopte door een technische fout. De regels hieronder zijn verwerkt. Upload het bestand opnieuw voor de rest: wat al is ingediend, wordt niet nog eens ingediend.", time.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return true;
    }

    private async Task<ClaimUploadRef?> NextAsync(CancellationToken cancellationToken)
    {
        await using var system = scopes.CreateAsyncScope();
        system.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Current = AccessScope.System;
        return await system.ServiceProvider.GetRequiredService<OpenPgbDbContext>().Set<ClaimUpload>().AsNoTracking()
            .Where(u => u.Status == ClaimUploadStatus.Queued || u.Status == ClaimUploadStatus.Running)
            .OrderBy(u => u.Id)
            .Select(u => new ClaimUploadRef(u.Id, u.CareProviderId, u.UploadedByUserId, u.UploadedBy))
            .FirstOrDefaultAsync(cancellationToken);
    }

    private sealed record ClaimUploadRef(long Id, long CareProviderId, string UploadedByUserId, string UploadedBy);

    [LoggerMessage(Level = LogLevel.Error, Message = "Claim upload {UploadId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, long uploadId);
}
