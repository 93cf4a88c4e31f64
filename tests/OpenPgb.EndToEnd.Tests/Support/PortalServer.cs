using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OpenPgb.Testing;

namespace OpenPgb.EndToEnd.Tests.Support;

/// <summary>
/// The real portal as a process on a free loopback port, on its own PostgreSQL database seeded with the demo data.
/// </summary>
public sealed class PortalServer : IAsyncDisposable
{
    private readonly Process _process;

    private PortalServer(Process process, Uri baseAddress, string connectionString)
    {
        _process = process;
        BaseAddress = baseAddress;
        ConnectionString = connectionString;
    }

    public Uri BaseAddress { get; }

    public string ConnectionString { get; }

    public static async Task<PortalServer> StartAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var connectionString = database.ConnectionString;
        await database.DisposeAsync();

        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.Combine(Processes.RepositoryRoot, "src/OpenPgb.Web") };
        info.ArgumentList.Add(Processes.WebDll);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_URLS"] = baseAddress.ToString();
        info.Environment["Demo__SeedOnStartup"] = "true";
        info.Environment["Demo__BudgetHolders"] = "15";
        info.Environment["Payments__DailyRunEnabled"] = "false";
        info.Environment["Payments__OutputDirectory"] = Path.Combine(Path.GetTempPath(), "openpgb-e2e-payments", Guid.NewGuid().ToString("N"));
        // Every journey logs in from 127.0.0.1; the per-address login limit is tested in Web.Tests, not here.
        info.Environment["Security__LoginAttemptsPerMinute"] = "1000";
        foreach (var (key, value) in Processes.PostgresEnvironment(connectionString))
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = baseAddress };
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with code {process.ExitCode} before it was ready.");
            }

            try
            {
                if ((await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return new PortalServer(process, baseAddress, connectionString);
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

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
