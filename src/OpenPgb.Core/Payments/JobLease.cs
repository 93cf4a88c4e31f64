using Microsoft.Data.Sqlite;
using Npgsql;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Payments;

/// <summary>
/// A lease that lets one process at a time run a job (the payment run). On PostgreSQL a session advisory lock on a
/// connection of its own: every node sees it, and it ends with the holder's connection, so a node killed with
/// kill -9 frees it at once, and closing the lease ends the session (the connection is not pooled). On the embedded SQLite database (one node by nature) an exclusive lock on a file beside
/// the database, which the operating system also frees when the process dies.
/// </summary>
public sealed class JobLease : IAsyncDisposable
{
    private readonly NpgsqlConnection? _connection;
    private readonly FileStream? _file;

    private JobLease(NpgsqlConnection? connection, FileStream? file)
    {
        _connection = connection;
        _file = file;
    }

    /// <summary>The lease, or null when another process holds it.</summary>
    public static async Task<JobLease?> TryAcquireAsync(DatabaseSettings database, string job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            // Unpooled: a pooled connection goes back to the pool with its session, and the session keeps the lock
            // until the pool's lazy reset on the connection's next use, so a lease released here would still block
            // the next taker that the pool hands another connection (seen once the scheduler shared the pool).
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({AdvisoryLocks.JobLease}, hashtext($1))", connection);
            command.Parameters.AddWithValue(job);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new JobLease(connection, null);
            }

            await connection.DisposeAsync();
            return null;
        }

        var dataSource = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        var lockPath = (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" ? Path.Combine(Path.GetTempPath(), "openpgb") : dataSource) + $".{job}.lock";
        try
        {
            return new JobLease(null, new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }
}
