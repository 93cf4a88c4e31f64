using System.Diagnostics;
using System.Text.Json.Nodes;
using Npgsql;
using OpenPgb.Core.Common;
using OpenPgb.Core.Conversion;
using OpenPgb.Testing;

namespace OpenPgb.Bench;

/// <summary>
/// Conversion of one large municipality on PostgreSQL (fsync on), issue 12: the demo generator writes a PGB1 export of
/// the given size (two agreements per budget holder, a claim per agreement per month, each paid claim with its payment)
/// and the grantor's 501s, which are imported over the conversion channel first (not timed: they arrive before the
/// freeze). Then `openpgb conversion run --stats` is timed from process start to exit, including reading and checking
/// the export, applying it, the ledger bookings and the reconciliation; beside it a baseline in the same database:
/// PostgreSQL COPY of the same seven export files into bare tables. Two grantors show memory against volume: first a
/// tenth of the claims, then all of them.
/// </summary>
internal static class ConversionBench
{
    public static async Task<JsonObject> RunAsync(int holders, int claims)
    {
        await using var server = await PostgresServer.StartAsync(durable: true);
        var connectionString = await server.CreateDatabaseAsync();
        var env = new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["ConnectionStrings__OpenPgb"] = connectionString };
        var dir = Directory.CreateTempSubdirectory("openpgb-bench-conversion-").FullName;
        try
        {
            await BenchTools.Cli(env, "db", "migrate");
            var runs = new JsonArray();
            var today = TimeProvider.System.Today();
            foreach (var (code, size) in new[] { ("0518", Math.Max(10, holders / 10)), ("0599", holders) })
            {
                // About one agreement in twelve ends early, so a few more months than claims ÷ agreements reach the target.
                var months = Math.Clamp((int)Math.Ceiling(claims * 1.05 / (holders * 2)), 3, 60);
                await BenchTools.Cli(env, "grantor", "add", "--code", code, "--name", "Gemeente " + code, "--kind", "municipality");
                var setup = Stopwatch.StartNew();
                var options = new Pgb1DemoOptions(code, new DateOnly(today.Year, today.Month, 1).AddDays(-1), size, AgreementsPerHolder: 2, Months: months, Seed: 42, WithDifferences: false);
                var files = await Pgb1DemoExport.WriteAsync(options, Path.Combine(dir, code), CancellationToken.None);
                await BenchTools.Cli(env, "ipgb", "import", files.GrantsDirectory, "--conversion");
                Directory.Delete(files.GrantsDirectory, recursive: true);
                await ExecuteAsync(connectionString, "VACUUM ANALYZE");
                Console.WriteLine($"setup {code}: {size} holders, {files.Claims} claims written and 501s imported in {setup.Elapsed.TotalSeconds:F0} s");

                var baseline = await BaselineAsync(connectionString, files.ExportDirectory, code);
                var watch = Stopwatch.StartNew();
                var runEnv = new Dictionary<string, string>(env) { ["Logging__LogLevel__OpenPgb.Core.Conversion"] = "Debug" };
                var output = await BenchTools.Cli(runEnv, "conversion", "run", "--grantor", code, "--export", files.ExportDirectory, "--out", Path.Combine(dir, code, "out"), "--stats");
                watch.Stop();
                Console.WriteLine(output);
                if (!output.Contains("converted:", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"The conversion of {code} did not convert:\n{output}");
                }

                var run = new JsonObject
                {
                    ["budget_holders"] = size,
                    ["agreements"] = files.Agreements,
                    ["claims"] = files.Claims,
                    ["payments"] = files.Payments,
                    ["export_mb"] = Math.Round(new DirectoryInfo(files.ExportDirectory).GetFiles().Sum(f => f.Length) / (1024.0 * 1024.0), 1),
                    ["seconds"] = Math.Round(watch.Elapsed.TotalSeconds, 2),
                    ["baseline_seconds"] = Math.Round(baseline.TotalSeconds, 2),
                    ["ratio_to_baseline"] = Math.Round(watch.Elapsed.TotalSeconds / baseline.TotalSeconds, 2),
                    ["peak_rss_mb"] = BenchTools.ParseStat(output, "peak_rss_mb"),
                };
                Console.WriteLine(run.ToJsonString());
                runs.Add(run);
            }

            var main = runs[^1]!.AsObject().DeepClone().AsObject();
            main["runs"] = runs;
            main["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}";
            main["notes"] = "PostgreSQL 15 with fsync on; seconds are `openpgb conversion run` from process start to exit (read and check the export, "
                + "apply it in one transaction, book the ledger, reconcile); the baseline COPYs the same seven export files into bare tables. "
                + "The first run (a tenth of the claims, another grantor) shows peak memory against volume.";
            return main;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>PostgreSQL COPY of the export's data files into bare text tables: the floor for taking the files in.</summary>
    private static async Task<TimeSpan> BaselineAsync(string connectionString, string exportDirectory, string code)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var watch = Stopwatch.StartNew();
        foreach (var file in Pgb1ExportReader.DataFiles)
        {
            var columns = Pgb1ExportReader.Headers[file].Split(';');
            var table = $"baseline_{code}_{Path.GetFileNameWithoutExtension(file)}";
            await using (var create = new NpgsqlCommand($"CREATE TABLE {table} ({string.Join(", ", columns.Select(c => $"\"{c}\" text"))})", connection))
            {
                await create.ExecuteNonQueryAsync();
            }

            await using var writer = await connection.BeginTextImportAsync($"COPY {table} FROM STDIN (FORMAT csv, DELIMITER ';', HEADER true)");
            using var reader = new StreamReader(Path.Combine(exportDirectory, file));
            var buffer = new char[1 << 16];
            int read;
            while ((read = await reader.ReadAsync(buffer)) > 0)
            {
                await writer.WriteAsync(buffer.AsMemory(0, read));
            }
        }

        return watch.Elapsed;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
