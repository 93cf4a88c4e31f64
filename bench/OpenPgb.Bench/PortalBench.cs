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
/// Load on the running portal at national size: budget holders imported as 501s, 1.5 agreements each, and the given
/// total of approved claims with their ledger bookings. Then the real web host (Release build, its own process,
/// loopback) serves N concurrent budget holders, each signed in through the login form, who open their overview
/// ("Mijn budget": grants and the ledger's paid/committed/remaining) and, in the same loop, a static file. Client-side
/// latency of every request is recorded; bounded in requests.
/// </summary>
internal static partial class PortalBench
{
    private const string Password = "Bench-wachtwoord-2026";

    public static async Task<JsonObject> RunAsync(int holders, int claims, int users, int rounds)
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
            var (overview, statics) = await LoadAsync(web.BaseAddress, userNames, rounds);
            return new JsonObject
            {
                ["overview_p95_ms"] = Percentile(overview, 0.95),
                ["static_p95_ms"] = Percentile(statics, 0.95),
                ["overview_p50_ms"] = Percentile(overview, 0.50),
                ["static_p50_ms"] = Percentile(statics, 0.50),
                ["ratio_p95"] = Math.Round(Percentile(overview, 0.95) / Math.Max(0.1, Percentile(statics, 0.95)), 2),
                ["concurrent_users"] = users,
                ["claims_total"] = claims,
                ["budget_holders"] = holders,
                ["requests"] = overview.Count + statics.Count,
                ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
                ["notes"] = "Loopback; web host (Release), PostgreSQL 15 (fsync on) and the load generator share the cores. "
                    + "Each user signs in once through the login form, then alternates GET /budgethouder and GET /css/site.css; five warm-up pairs are not counted. "
                    + "Latency is measured in the client, from request to the last byte of the body.",
            };
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

    private static async Task<(List<double> Overview, List<double> Static)> LoadAsync(Uri baseAddress, IReadOnlyList<string> userNames, int rounds)
    {
        var clients = await Task.WhenAll(userNames.Select(name => SignInAsync(baseAddress, name)));

        // Warm-up, not measured: the first requests of a fresh process pay for JIT and connection pools.
        foreach (var client in clients.Take(5))
        {
            await TimeAsync(client, "/budgethouder");
            await TimeAsync(client, "/css/site.css");
        }

        var overview = new List<double>();
        var statics = new List<double>();
        await Task.WhenAll(clients.Select(async client =>
        {
            for (var round = 0; round < rounds; round++)
            {
                var o = await TimeAsync(client, "/budgethouder");
                var s = await TimeAsync(client, "/css/site.css");
                lock (overview)
                {
                    overview.Add(o);
                    statics.Add(s);
                }
            }
        }));
        foreach (var client in clients)
        {
            client.Dispose();
        }

        return (overview, statics);
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
