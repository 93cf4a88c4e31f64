using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace OpenPgb.EndToEnd.Tests.Support;

/// <summary>
/// Debian's nginx in front of the given nodes, run from the configuration the project ships
/// (deploy/nginx/openpgb.conf) with only its addresses moved, plus a response header naming the node that answered.
/// </summary>
public sealed partial class NginxBalancer : IAsyncDisposable
{
    public const string NginxPath = "/usr/sbin/nginx";

    /// <summary>The response header that names the node (its address) that answered.</summary>
    public const string NodeHeader = "X-OpenPgb-Node";

    private readonly Process _process;
    private readonly string _directory;

    private NginxBalancer(Process process, string directory, Uri baseAddress)
    {
        _process = process;
        _directory = directory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<NginxBalancer> StartAsync(IReadOnlyList<Uri> nodes)
    {
        if (!File.Exists(NginxPath))
        {
            throw new InvalidOperationException($"{NginxPath} not found: install Debian's nginx (apt-get install -y nginx); the test command does this.");
        }

        var directory = Directory.CreateTempSubdirectory("openpgb-nginx-").FullName;
        var port = PortalServer.FreePort();
        var site = await File.ReadAllTextAsync(Path.Combine(Processes.RepositoryRoot, "deploy/nginx/openpgb.conf"));
        var servers = UpstreamServer().Matches(site);
        if (servers.Count != nodes.Count)
        {
            throw new InvalidOperationException($"deploy/nginx/openpgb.conf names {servers.Count} nodes, the test starts {nodes.Count}.");
        }

        for (var i = servers.Count - 1; i >= 0; i--)
        {
            site = site[..servers[i].Index] + $"server {nodes[i].Host}:{nodes[i].Port} " + site[(servers[i].Index + servers[i].Length)..];
        }

        site = ListenLine().Replace(site, $"listen 127.0.0.1:{port};", 1);
        site = site.Replace("proxy_pass http://openpgb_nodes;", $"proxy_pass http://openpgb_nodes;\n        add_header {NodeHeader} $upstream_addr always;", StringComparison.Ordinal);

        // The main file: everything nginx writes stays in this directory; workers run as the user that starts it.
        var runAsRoot = Environment.UserName == "root" ? "user root;" : string.Empty;
        var main = $$"""
            {{runAsRoot}}
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 256; }
            http {
              access_log {{directory}}/access.log;
              client_body_temp_path {{directory}}/body;
              proxy_temp_path {{directory}}/proxy;
              fastcgi_temp_path {{directory}}/fastcgi;
              uwsgi_temp_path {{directory}}/uwsgi;
              scgi_temp_path {{directory}}/scgi;
              include {{directory}}/openpgb.conf;
            }
            """;
        await File.WriteAllTextAsync(Path.Combine(directory, "openpgb.conf"), site);
        await File.WriteAllTextAsync(Path.Combine(directory, "nginx.conf"), main);

        var info = new ProcessStartInfo(NginxPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-p", directory, "-c", Path.Combine(directory, "nginx.conf"), "-g", "daemon off;" })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with code {process.ExitCode}: {await stderr}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new NginxBalancer(process, directory, baseAddress);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("nginx did not listen within 10 seconds.");
    }

    /// <summary>What nginx logged as errors (an upstream refusing, for one).</summary>
    public string ErrorLog => File.ReadAllText(Path.Combine(_directory, "error.log"));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [GeneratedRegex(@"server 127\.0\.0\.1:\d+ ")]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"listen 127\.0\.0\.1:\d+;")]
    private static partial Regex ListenLine();
}
