using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenPgb.Core.Data;

namespace OpenPgb.Web.Infrastructure;

/// <summary>Ready when the database answers and every migration has been applied.</summary>
public sealed class DatabaseHealthCheck(OpenPgbDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("Database not reachable.");
            }

            return await DatabaseMigrator.IsUpToDateAsync(db, cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("Database migrations pending.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Database check failed: " + ex.GetType().Name);
        }
    }
}
