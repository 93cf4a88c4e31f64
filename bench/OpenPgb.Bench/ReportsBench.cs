using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenPgb.Core;
using OpenPgb.Core.Data;
using OpenPgb.Core.Reports;
using OpenPgb.Testing;

namespace OpenPgb.Bench;

/// <summary>
/// Insight at national size (issue 14): the national data set of the portal benchmark (budget holders as real 501s,
/// agreements, approved claims with their bookings), then for the grantor with the most claims and the year with the
/// most of its claims: the spend report as the page computes it, the report as Excel (report, budgets and the
/// workbook), and a raw GROUP BY over the same claims as the baseline, each the median of several runs in one
/// process; then the whole risk scan through the CLI, with its peak memory.
/// </summary>
internal static class ReportsBench
{
    private const int Repeats = 5;

    public static async Task<JsonObject> RunAsync(int holders, int claims)
    {
        await using var server = await PostgresServer.StartAsync(durable: true);
        var connectionString = await server.CreateDatabaseAsync();
        var env = new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["ConnectionStrings__OpenPgb"] = connectionString };
        var dir = Directory.CreateTempSubdirectory("openpgb-bench-reports-").FullName;
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
                await BulkClaims.AddApprovedClaimsAsync(connectionString, Math.Min(chunk, claims - made), $"R{made / chunk}", maxCents: 300);
                Console.WriteLine($"{made + Math.Min(chunk, claims - made)} of {claims} claims in the database ({watch.Elapsed.TotalSeconds:F0} s for this chunk)");
            }

            await ExecuteAsync(connectionString, "VACUUM ANALYZE");
            var (grantorId, grantorCode, year, grantorClaims) = await LargestAsync(connectionString);
            var period = ReportPeriod.Year(year);
            Console.WriteLine($"largest grantor {grantorCode}: {grantorClaims} claims in {year}");

            var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestDatabase.Settings(connectionString)).Build();
            await using var services = new ServiceCollection()
                .AddSingleton<IConfiguration>(configuration)
                .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
                .AddOpenPgbCore()
                .BuildServiceProvider();

            // The page's work: the care functions of the period, in the grantor's employee scope.
            Console.WriteLine("timing the report");
            var report = await MedianAsync(async () =>
            {
                await using var scope = Scope(services, AccessScope.ForGrantors([grantorId]));
                var result = await scope.ServiceProvider.GetRequiredService<SpendReportService>().CareFunctionsAsync(grantorId, period, CancellationToken.None);
                return result.CareFunctions.Count;
            });
            var excel = await MedianAsync(async () =>
            {
                await using var scope = Scope(services, AccessScope.ForGrantors([grantorId]));
                var reports = scope.ServiceProvider.GetRequiredService<SpendReportService>();
                var result = await reports.CareFunctionsAsync(grantorId, period, CancellationToken.None);
                var budgets = await reports.BudgetsAsync(grantorId, period, null, CancellationToken.None);
                await using var file = File.Create(Path.Combine(dir, "bestedingen.xlsx"));
                await SpendReportFiles.WriteExcelAsync(result, budgets, DateTimeOffset.UtcNow, file, CancellationToken.None);
                return budgets.Count;
            });
            var baseline = await MedianAsync(() => BaselineAsync(connectionString, grantorId, period));
            Console.WriteLine($"report {report.TotalSeconds:F3} s, excel {excel.TotalSeconds:F3} s, baseline {baseline.TotalSeconds:F3} s");

            var scan = Stopwatch.StartNew();
            var output = await BenchTools.Cli(env, "risk", "scan", "--out", Path.Combine(dir, "risk"), "--stats");
            scan.Stop();
            var signals = File.ReadLines(Path.Combine(dir, "risk", "signals.csv")).Count() - 1;
            return new JsonObject
            {
                ["claims"] = claims,
                ["budget_holders"] = holders,
                ["grantor"] = grantorCode,
                ["grantor_claims_in_period"] = grantorClaims,
                ["period"] = period.ToString(),
                ["report_seconds"] = Math.Round(report.TotalSeconds, 3),
                ["excel_seconds"] = Math.Round(excel.TotalSeconds, 3),
                ["baseline_seconds"] = Math.Round(baseline.TotalSeconds, 3),
                ["ratio_to_baseline"] = Math.Round(report.TotalSeconds / baseline.TotalSeconds, 2),
                ["risk_scan_seconds"] = BenchTools.ParseStat(output, "scan_seconds"),
                ["risk_scan_process_seconds"] = Math.Round(scan.Elapsed.TotalSeconds, 2),
                ["risk_signals"] = signals,
                ["peak_rss_mb"] = BenchTools.ParseStat(output, "peak_rss_mb"),
                ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
                ["notes"] = $"PostgreSQL 15 (fsync on) and the bench share the cores. Report, Excel and baseline: the median of {Repeats} runs in one warm process; "
                    + "the baseline is SELECT BudgetCode, Status, SUM(AmountCents) over the same grantor's claims of the period. "
                    + "The risk scan runs through the CLI (openpgb risk scan --stats): scan_seconds is the scan inside the process, peak_rss_mb its process's peak.",
            };
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<(int GrantorId, string Code, int Year, long Claims)> LargestAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT c."GrantorId", g."Code", c."BudgetYear", COUNT(*) FROM "Claims" c JOIN "Grantors" g ON g."Id" = c."GrantorId"
            GROUP BY c."GrantorId", g."Code", c."BudgetYear" ORDER BY COUNT(*) DESC LIMIT 1
            """, connection) { CommandTimeout = 3600 };
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt64(3));
    }

    private static async Task<int> BaselineAsync(string connectionString, int grantorId, ReportPeriod period)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT "BudgetCode", "Status", SUM("AmountCents") FROM "Claims"
            WHERE "GrantorId" = $1 AND "PeriodStart" >= $2 AND "PeriodStart" <= $3
            GROUP BY "BudgetCode", "Status"
            """, connection) { CommandTimeout = 3600 };
        command.Parameters.Add(new NpgsqlParameter { Value = grantorId });
        command.Parameters.Add(new NpgsqlParameter { Value = period.From });
        command.Parameters.Add(new NpgsqlParameter { Value = period.To });
        var rows = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows++;
        }

        return rows;
    }

    private static async Task<TimeSpan> MedianAsync(Func<Task<int>> work)
    {
        await work();
        var times = new List<TimeSpan>();
        for (var i = 0; i < Repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            await work();
            times.Add(watch.Elapsed);
        }

        return times.Order().ElementAt(Repeats / 2);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
        await command.ExecuteNonQueryAsync();
    }

    private static AsyncServiceScope Scope(ServiceProvider services, AccessScope access)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Current = access;
        return scope;
    }
}
