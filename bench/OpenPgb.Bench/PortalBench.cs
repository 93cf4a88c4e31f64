using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenPgb.Core;
using OpenPgb.Core.Accounts;
using OpenPgb.Core.Data;
using OpenPgb.Testing;

namespace OpenPgb.Bench;

/// <summary>
/// Load on the running portal at national size (issue 13): budget holders imported as 501s, 1.5 agreements each, and
/// the given total of approved claims with their ledger bookings. Then the real web host (Release build, its own
/// process, loopback) serves budget holders, each signed in through the login form, in two measurements:
/// <list type="bullet">
/// <item><b>Open loop</b>: requests arrive at a fixed rate whatever the answers do (half the overview "Mijn budget",
/// grants and the ledger's paid/committed/remaining; half a static file), spread over the signed-in users. Latency is
/// counted from when a request was due, not from when it was sent, so a slow answer delays the count of the requests
/// behind it instead of hiding them (no coordinated omission).</item>
/// <item><b>Capacity</b>: every user in a loop without think time, first on the overview only, then on the static
/// file only, each for a fixed time: requests per second of each at saturation.</item>
/// </list>
/// A closed loop of 100 clients measures the queue, not the page: that is why the open loop gives the latency figure.
/// </summary>
internal static partial class PortalBench
{
    private const string Password = "Bench-wachtwoord-2026";
    private const string Overview = "/budgethouder";
    private const string Static = "/css/site.css";

    public static async Task<JsonObject> RunAsync(int holders, int claims, int users, int rate, int seconds)
    {
        await using var server = await PostgresServer.StartAsync(durable: true);
        var connectionString = await server.CreateDatabaseAsync();
        var env = new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["ConnectionStrings__OpenPgb"] = connectionString };
        var dir = Directory.CreateTempSubdirectory("openpgb-bench-portal-").FullName;
        try
        {
            await BenchTools.Cli(env, "db", "migrate");
            await BenchTools.Cli(env, "grantor", "add", "--code", "0363", "--name", "Gemeente Amsterdam", "--kind", "municipality", "--live-from", "2020-01-01");
            await BenchTools.Cli(env, "grantor", "add", "--code", "0344", "--name", "Gemeente Utrecht", "--kind", "municipality", "--live-from", "2020-01-01");
            await BenchTools.Cli(env, "grantor", "add", "--code", "5501", "--name", "Zorgkantoor", "--kind", "care-office", "--live-from", "2020-01-01");
            await BenchTools.Cli(env, "ipgb", "generate", "--count", holders.ToString(CultureInfo.InvariantCulture), "--out", Path.Combine(dir, "501"), "--seed", "42");
            await BenchTools.Cli(env, "ipgb", "import", Path.Combine(dir, "501"));
            await BulkClaims.AddNationalAgreementsAsync(connectionString, Math.Max(100, holders / 5));
            const int chunk = 1_000_000;
            for (var made = 0; made < claims; made += chunk)
            {
                var watch = Stopwatch.StartNew();
                await BulkClaims.AddApprovedClaimsAsync(connectionString, Math.Min(chunk, claims - made), $"P{made / chunk}", maxCents: 300);
                Console.WriteLine($"{made + Math.Min(chunk, claims - made)} of {claims} claims in the database ({watch.Elapsed.TotalSeconds:F0} s for this chunk)");
            }

            await using (var analyze = new Npgsql.NpgsqlConnection(connectionString))
            {
                await analyze.OpenAsync();
                await using var command = new Npgsql.NpgsqlCommand("VACUUM ANALYZE", analyze) { CommandTimeout = 3600 };
                await command.ExecuteNonQueryAsync();
            }

            var userNames = await CreateUsersAsync(connectionString, users);
            using var web = await StartWebAsync(connectionString);
            var clients = await Task.WhenAll(userNames.Select(name => SignInAsync(web.BaseAddress, name)));
            try
            {
                // Warm-up, not measured: a fresh process runs unoptimised code until the JIT's second tier has compiled
                // the hot paths, and every new database connection loads its catalog caches and prepares its
                // statements. A node in service is past that; 15 s of the open loop itself gets this one there too.
                await OpenLoopAsync(clients, rate, TimeSpan.FromSeconds(15));

                var (overview, statics, late) = await OpenLoopAsync(clients, rate, TimeSpan.FromSeconds(seconds));
                Console.WriteLine($"open loop at {rate}/s: overview p95 {Percentile(overview, 0.95)} ms, static p95 {Percentile(statics, 0.95)} ms");
                var overviewRps = await SaturatedAsync(clients, Overview, TimeSpan.FromSeconds(20));
                var staticRps = await SaturatedAsync(clients, Static, TimeSpan.FromSeconds(20));
                Console.WriteLine($"saturated: overview {overviewRps} req/s, static {staticRps} req/s");
                return new JsonObject
                {
                    ["open_loop_rate"] = rate,
                    ["open_loop_seconds"] = seconds,
                    ["overview_p95_ms"] = Percentile(overview, 0.95),
                    ["static_p95_ms"] = Percentile(statics, 0.95),
                    ["overview_p50_ms"] = Percentile(overview, 0.50),
                    ["static_p50_ms"] = Percentile(statics, 0.50),
                    ["overview_p99_ms"] = Percentile(overview, 0.99),
                    ["requests_sent_late"] = late,
                    ["overview_rps_saturated"] = overviewRps,
                    ["static_rps_saturated"] = staticRps,
                    ["capacity_ratio"] = Math.Round(overviewRps / Math.Max(0.1, staticRps), 3),
                    ["signed_in_users"] = users,
                    ["claims_total"] = claims,
                    ["budget_holders"] = holders,
                    ["requests"] = overview.Count + statics.Count,
                    ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
                    ["notes"] = "Loopback; web host (Release), PostgreSQL 15 (fsync on) and the load generator share the cores. "
                        + $"Open loop (after 15 s of it unmeasured, to warm the JIT and the connections): a request falls due every {1000.0 / rate:F1} ms for {seconds} s, alternately GET {Overview} and GET {Static}, "
                        + "spread over the signed-in users; latency from the due time to the last byte of the body (requests_sent_late counts those the generator itself sent more than 5 ms late). "
                        + $"Capacity: all {users} users in a loop without think time for 20 s on one path at a time.",
                };
            }
            finally
            {
                foreach (var client in clients)
                {
                    client.Dispose();
                }
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // One citizen account per budget holder of the first grants, as the demo seeder makes them.
    private static async Task<IReadOnlyList<string>> CreateUsersAsync(string connectionString, int count)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestDatabase.Settings(connectionString)).Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        collection.AddOpenPgbCore();
        await using var services = collection.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Current = AccessScope.System;
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        var holders = await db.BudgetHolders.OrderBy(h => h.Id).Take(count).Select(h => new { h.Bsn, h.Id }).ToListAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var names = new List<string>();
        foreach (var holder in holders)
        {
            var name = $"bench{holder.Id}";
            var result = await users.CreateAsync(new PortalUser { UserName = name, Role = PortalRole.Citizen, Bsn = holder.Bsn, DisplayName = name }, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            names.Add(name);
        }

        return names;
    }

    private static async Task<WebHost> StartWebAsync(string connectionString)
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        // The content root holds wwwroot, so static files are served as in production.
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.Combine(BenchTools.FindRoot(), "src/OpenPgb.Web") };
        info.ArgumentList.Add(Path.Combine(BenchTools.FindRoot(), "src/OpenPgb.Web/bin/Release/net10.0/OpenPgb.Web.dll"));
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = baseAddress.ToString();
        info.Environment["Database__Provider"] = "Postgres";
        info.Environment["ConnectionStrings__OpenPgb"] = connectionString;
        info.Environment["Security__SecureCookies"] = "false";
        info.Environment["Security__LoginAttemptsPerMinute"] = "100000";
        info.Environment["Payments__DailyRunEnabled"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        using var http = new HttpClient { BaseAddress = baseAddress };
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if ((await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return new WebHost(process, baseAddress);
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("The web host did not become ready.");
    }

    /// <summary>Requests fall due at a fixed rate; each is sent when due (or as soon after as the generator can) and timed from its due time.</summary>
    private static async Task<(List<double> Overview, List<double> Static, int Late)> OpenLoopAsync(HttpClient[] clients, int rate, TimeSpan duration)
    {
        var overview = new List<double>();
        var statics = new List<double>();
        var inFlight = new List<Task>();
        var total = (int)(rate * duration.TotalSeconds);
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var late = 0;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var due = interval * i;
            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }
            else if (wait < TimeSpan.FromMilliseconds(-5))
            {
                late++;
            }

            var path = i % 2 == 0 ? Overview : Static;
            var client = clients[(i / 2) % clients.Length];
            var target = i % 2 == 0 ? overview : statics;
            inFlight.Add(Task.Run(async () =>
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                await response.Content.ReadAsByteArrayAsync();
                var latency = (Stopwatch.GetElapsedTime(start) - due).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{path} answered {response.StatusCode}");
                }

                lock (target)
                {
                    target.Add(latency);
                }
            }));
        }

        await Task.WhenAll(inFlight);
        return (overview, statics, late);
    }

    /// <summary>Every client in a loop on one path without think time for the given time: completed requests per second.</summary>
    private static async Task<double> SaturatedAsync(HttpClient[] clients, string path, TimeSpan duration)
    {
        var completed = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async client =>
        {
            while (watch.Elapsed < duration)
            {
                await TimeAsync(client, path);
                Interlocked.Increment(ref completed);
            }
        }));
        return Math.Round(completed / watch.Elapsed.TotalSeconds, 1);
    }

    private static async Task<HttpClient> SignInAsync(Uri baseAddress, string userName)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var form = await client.GetStringAsync(new Uri("/account/inloggen", UriKind.Relative));
        var token = TokenPattern().Match(form).Groups[1].Value;
        var response = await client.PostAsync(new Uri("/account/inloggen", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        return response.StatusCode == HttpStatusCode.Redirect ? client : throw new InvalidOperationException($"Sign-in of {userName} failed: {response.StatusCode}");
    }

    private static async Task<double> TimeAsync(HttpClient client, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        return response.StatusCode == HttpStatusCode.OK ? watch.Elapsed.TotalMilliseconds : throw new InvalidOperationException($"{path} answered {response.StatusCode}");
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 1);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private sealed class WebHost(Process process, Uri baseAddress) : IDisposable
    {
        public Uri BaseAddress { get; } = baseAddress;

        public void Dispose()
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
        }
    }
}
