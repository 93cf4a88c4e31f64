using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OpenPgb.Testing;

namespace OpenPgb.EndToEnd.Tests.Support;

/// <summary>
/// The real portal as a process on a free loopback port, seeded with the demo data: on its own PostgreSQL database,
/// or exactly as the README's run command starts it (Development settings, embedded SQLite, the default demo size)
/// with only the database file, the port and the login limit moved aside.
/// </summary>
public sealed class PortalServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string? _sqliteFile;
    private readonly StringBuilder _output;

    private PortalServer(Process process, Uri baseAddress, string connectionString, string? sqliteFile, StringBuilder output)
    {
        _process = process;
        BaseAddress = baseAddress;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
        _output = output;
    }

    public Uri BaseAddress { get; }

    /// <summary>The PostgreSQL connection string, or the SQLite file's path.</summary>
    public string ConnectionString { get; }

    public TestProvider Provider => _sqliteFile is null ? TestProvider.Postgres : TestProvider.Sqlite;

    /// <summary>Everything the portal wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<PortalServer> StartAsync(TestProvider provider = TestProvider.Postgres)
    {
        if (provider == TestProvider.Sqlite)
        {
            // The README's run: appsettings.Development.json seeds the demo; only the file is a throwaway one.
            var sqliteFile = Path.Combine(Path.GetTempPath(), $"openpgb-e2e-{Guid.NewGuid():N}", "openpgb.db");
            return await StartProcessAsync(sqliteFile, sqliteFile, new Dictionary<string, string> { ["Database__SqliteFile"] = sqliteFile });
        }

        var database = await TestDatabase.CreateAsync();
        var connectionString = database.ConnectionString;
        await database.DisposeAsync();
        return await StartNodeAsync(connectionString, new Dictionary<string, string>
        {
            ["Demo__SeedOnStartup"] = "true",
            ["Payments__DailyRunEnabled"] = "false",
        });
    }

    /// <summary>
    /// One web node on an existing PostgreSQL database, with the demo size of the journeys and the given settings on
    /// top (seeding, the daily run, trusted proxies): several of these on one database make a cluster.
    /// </summary>
    public static Task<PortalServer> StartNodeAsync(string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string>(Processes.PostgresEnvironment(connectionString)) { ["Demo__BudgetHolders"] = "15" };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return StartProcessAsync(connectionString, null, environment);
    }

    private static async Task<PortalServer> StartProcessAsync(string connectionString, string? sqliteFile, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.Combine(Processes.RepositoryRoot, "src/OpenPgb.Web") };
        info.ArgumentList.Add(Processes.WebDll);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_URLS"] = baseAddress.ToString();
        info.Environment["Payments__OutputDirectory"] = Path.Combine(Path.GetTempPath(), "openpgb-e2e-payments", Guid.NewGuid().ToString("N"));
        info.Environment["Conversion__UploadDirectory"] = Path.Combine(Path.GetTempPath(), "openpgb-e2e-conversion", Guid.NewGuid().ToString("N"));
        // Every journey logs in from 127.0.0.1; the per-address login limit is tested in Web.Tests, not here.
        info.Environment["Security__LoginAttemptsPerMinute"] = "1000";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var output = new StringBuilder();
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = baseAddress };
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with code {process.ExitCode} before it was ready:\n{output}");
            }

            try
            {
                if ((await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return new PortalServer(process, baseAddress, connectionString, sqliteFile, output);
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("The portal did not become ready within 60 seconds.");
    }

    /// <summary>Kills the node with SIGKILL, as a crash would: no shutdown, no goodbye to the cluster.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (_sqliteFile is not null)
        {
            Directory.Delete(Path.GetDirectoryName(_sqliteFile)!, recursive: true);
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
