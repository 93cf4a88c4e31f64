using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;
using OpenPgb.Testing;

namespace OpenPgb.Bench;

/// <summary>
/// Payment run at national size on PostgreSQL (fsync on): budget holders imported as real 501s through the CLI, 1.5
/// approved agreements per grant, then approved claims with their approval bookings. Two runs measure memory against
/// volume: first a tenth of the claims, then the full number. Each run is timed end to end through the CLI
/// (`payments run --stats`, process start to exit) beside a baseline in the same database: a raw SQL
/// INSERT ... SELECT of the same payment rows (one row per approved claim) into a copy of the items table.
/// </summary>
internal static class PaymentRunBench
{
    public static async Task<JsonObject> RunAsync(int holders, int claims)
    {
        await using var server = await PostgresServer.StartAsync(durable: true);
        var connectionString = await server.CreateDatabaseAsync();
        var env = new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["ConnectionStrings__OpenPgb"] = connectionString };
        var runEnv = new Dictionary<string, string>(env) { ["Logging__LogLevel__OpenPgb.Core.Payments"] = "Debug" };
        var dir = Directory.CreateTempSubdirectory("openpgb-bench-pay-").FullName;
        try
        {
            var setup = Stopwatch.StartNew();
            await BenchTools.Cli(env, "db", "migrate");
            await BenchTools.Cli(env, "grantor", "add", "--code", "0363", "--name", "Gemeente Amsterdam", "--kind", "municipality", "--live-from", "2020-01-01");
            await BenchTools.Cli(env, "grantor", "add", "--code", "0344", "--name", "Gemeente Utrecht", "--kind", "municipality", "--live-from", "2020-01-01");
            await BenchTools.Cli(env, "grantor", "add", "--code", "5501", "--name", "Zorgkantoor", "--kind", "care-office", "--live-from", "2020-01-01");
            await BenchTools.Cli(env, "ipgb", "generate", "--count", holders.ToString(CultureInfo.InvariantCulture), "--out", Path.Combine(dir, "501"), "--seed", "42");
            await BenchTools.Cli(env, "ipgb", "import", Path.Combine(dir, "501"));
            Directory.Delete(Path.Combine(dir, "501"), recursive: true);
            await BulkClaims.AddNationalAgreementsAsync(connectionString, Math.Max(100, holders / 5));
            Console.WriteLine($"setup: {holders} holders with agreements in {setup.Elapsed.TotalSeconds:F0} s");

            var runs = new JsonArray();
            // From today on: the CLI refuses a business date in the past.
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, OpenPgb.Core.Common.AmsterdamClock.Zone).DateTime);
            foreach (var (count, wave) in new[] { (claims / 10, "S"), (claims, "L") })
            {
                var generate = Stopwatch.StartNew();
                await BulkClaims.AddApprovedClaimsAsync(connectionString, count, wave, maxCents: 500);
                await ExecuteAsync(connectionString, "VACUUM ANALYZE");
                Console.WriteLine($"{count} approved claims generated in {generate.Elapsed.TotalSeconds:F0} s");

                var baseline = await BaselineAsync(connectionString);
                var watch = Stopwatch.StartNew();
                var output = await BenchTools.Cli(runEnv, "payments", "run", "--date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--out", Path.Combine(dir, "files"), "--stats");
                watch.Stop();
                var paid = (int)BenchTools.ParseStat(output, "claims");
                if (paid != count)
                {
                    throw new InvalidOperationException($"The run paid {paid} of {count} claims:\n{output}");
                }

                var run = new JsonObject
                {
                    ["claims"] = count,
                    ["seconds"] = Math.Round(watch.Elapsed.TotalSeconds, 2),
                    ["baseline_seconds"] = Math.Round(baseline.TotalSeconds, 2),
                    ["ratio_to_baseline"] = Math.Round(watch.Elapsed.TotalSeconds / baseline.TotalSeconds, 2),
                    ["in_process_seconds"] = BenchTools.ParseStat(output, "run_seconds"),
                    ["in_process_ratio"] = Math.Round(BenchTools.ParseStat(output, "run_seconds") / baseline.TotalSeconds, 2),
                    ["peak_rss_mb"] = BenchTools.ParseStat(output, "peak_rss_mb"),
                    ["file_mb"] = Math.Round(new DirectoryInfo(Path.Combine(dir, "files")).GetFiles("*.xml").OrderBy(f => f.LastWriteTimeUtc).Last().Length / (1024.0 * 1024.0), 1),
                };
                Console.WriteLine(output);
                Console.WriteLine(run.ToJsonString());
                runs.Add(run);
                day = day.AddDays(1);
            }

            var main = runs[^1]!.AsObject().DeepClone().AsObject();
            main["budget_holders"] = holders;
            main["agreements"] = holders + (holders / 2);
            main["runs"] = runs;
            main["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}";
            main["notes"] = "PostgreSQL 15 with fsync on; seconds are the CLI process from start to exit (booking in one transaction, "
                + "then the pain.001 file streamed, XSD-validated and hashed); the baseline, in-process in the same database, inserts one item per payable claim with INSERT ... SELECT and COPYs out the rows the file needs (one per grantor and provider). "
                + "The two runs show peak memory against a tenfold change in claims.";
            return main;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // The least any run must do (issue 13), in the same database: one INSERT ... SELECT of an item per payable claim
    // (the payment queue's rows, ADR 0015) into a copy of the items table, then a COPY out of the rows the file needs (one per grantor and provider, with
    // the payee's name and IBAN and the sum), read to the end.
    private static async Task<TimeSpan> BaselineAsync(string connectionString)
    {
        await ExecuteAsync(connectionString, """CREATE TABLE bench_payment_rows (LIKE "PaymentItems" INCLUDING DEFAULTS INCLUDING IDENTITY)""");
        var watch = Stopwatch.StartNew();
        await ExecuteAsync(connectionString, """
            INSERT INTO bench_payment_rows ("PaymentId", "PaymentRunId", "ClaimId", "AmountCents")
            SELECT 0, 0, q."ClaimId", q."AmountCents" FROM "PayableClaims" q
            """);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            using var reader = await connection.BeginTextExportAsync("""
                COPY (SELECT q."GrantorId", q."CareProviderId", p."Name", p."Iban", SUM(q."AmountCents"), COUNT(*)
                      FROM "PayableClaims" q JOIN "CareProviders" p ON p."Id" = q."CareProviderId"
                      GROUP BY q."GrantorId", q."CareProviderId", p."Name", p."Iban") TO STDOUT
                """);
            await reader.ReadToEndAsync();
        }

        watch.Stop();
        await ExecuteAsync(connectionString, "DROP TABLE bench_payment_rows");
        return watch.Elapsed;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
        await command.ExecuteNonQueryAsync();
    }
}
