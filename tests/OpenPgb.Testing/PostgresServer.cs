using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace OpenPgb.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster for one test run: initdb in a temp directory (as the postgres user when running as
/// root, since initdb refuses root), started on a free loopback port, removed at the end. If PostgreSQL is not
/// installed or does not start, this throws: tests that need it fail, they never skip or fall back.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresServer? _shared;

    private readonly string _directory;
    private readonly string _binDirectory;
    private readonly bool _asPostgresUser;
    private int _databaseCounter;
    private int _stopped;

    private PostgresServer(string directory, string binDirectory, int port, bool asPostgresUser)
    {
        _directory = directory;
        _binDirectory = binDirectory;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    public string AdminConnectionString => ConnectionStringFor("postgres");

    /// <summary>
    /// The one server of this test process, started on first use and stopped by <see cref="SharedPostgresLifetime"/>
    /// when the assembly's tests are done. Should the process end another way, its exit only signals the cluster to
    /// stop and does not wait: a blocking clean-up at process exit trips the test host's foreground-thread watchdog.
    /// </summary>
    public static async Task<PostgresServer> SharedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_shared is null)
            {
                var started = await StartAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => started.SignalStop();
                _shared = started;
            }

            return _shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Stops and removes the shared server if this process started one.</summary>
    public static async Task StopSharedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_shared is not null)
            {
                await _shared.DisposeAsync();
                _shared = null;
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <param name="durable">Keep fsync on (benchmarks); tests run with fsync off for speed.</param>
    public static async Task<PostgresServer> StartAsync(bool durable = false)
    {
        var bin = FindBinDirectory();
        var asPostgres = Environment.UserName == "root";
        var dir = Directory.CreateTempSubdirectory("openpgb-pg-").FullName;
        var port = FreePort();
        if (asPostgres)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", dir]);
        }

        var server = new PostgresServer(dir, bin, port, asPostgres);
        await server.RunPgAsync("initdb", ["-D", Path.Combine(dir, "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        await server.RunPgAsync("pg_ctl", [
            "-D", Path.Combine(dir, "data"), "-l", Path.Combine(dir, "pg.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c max_connections=300 " + (durable ? "-c shared_buffers=256MB" : "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"),
            "start",
        ]);
        return server;
    }

    public string ConnectionStringFor(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=50;Include Error Detail=true";

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? template = null)
    {
        var name = "t" + Environment.ProcessId + "_" + Interlocked.Increment(ref _databaseCounter);
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
        await command.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            await RunPgAsync("pg_ctl", ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void SignalStop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        var exe = Path.Combine(_binDirectory, "pg_ctl");
        string[] arguments = ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "--no-wait", "stop"];
        var info = new ProcessStartInfo(_asPostgresUser ? "runuser" : exe) { UseShellExecute = false };
        foreach (var argument in _asPostgresUser ? ["-u", "postgres", "--", exe, .. arguments] : arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info);
    }

    private static string FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin. Install them (apt-get install -y postgresql); the test command does this itself.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunPgAsync(string tool, IReadOnlyList<string> arguments)
    {
        var exe = Path.Combine(_binDirectory, tool);
        return _asPostgresUser ? RunAsync("runuser", ["-u", "postgres", "--", exe, .. arguments]) : RunAsync(exe, arguments);
    }

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited {process.ExitCode}: {await stderr}{await stdout}");
        }
    }
}
