using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenPgb.Bench;
using OpenPgb.Core.Ipgb;
using OpenPgb.Testing;

// Intake benchmark (issue 3): generate N messages, import them through the CLI into a fresh PostgreSQL cluster
// (fsync on), and in the same run time a baseline that only parses and XSD-validates the same files.
// Usage: dotnet run -c Release --project bench/OpenPgb.Bench -- [--messages 100000] [--also 10000] [--out bench/results/intake.json]
if (args.FirstOrDefault() == "worktasks")
{
    // Work-task list benchmark (issue 4): dotnet run -c Release --project bench/OpenPgb.Bench -- worktasks [--tasks 100000]
    await WorkTaskBench.WriteAsync(await WorkTaskBench.RunAsync(IntArg("--tasks", 100_000)), StringArg("--out", Path.Combine(BenchTools.FindRoot(), "bench/results/worktasks.json")));
    return 0;
}

if (args.FirstOrDefault() == "portal")
{
    // Portal load benchmark (issues 5, 13): dotnet run -c Release --project bench/OpenPgb.Bench -- portal [--holders 100000] [--claims 10000000] [--users 100] [--rate 200] [--seconds 60]
    await BenchTools.WriteJsonAsync(
        await PortalBench.RunAsync(IntArg("--holders", 100_000), IntArg("--claims", 10_000_000), IntArg("--users", 100), IntArg("--rate", 200), IntArg("--seconds", 60)),
        StringArg("--out", Path.Combine(BenchTools.FindRoot(), "bench/results/portal.json")));
    return 0;
}

if (args.FirstOrDefault() == "payment-run")
{
    // Payment-run benchmark (issue 5): dotnet run -c Release --project bench/OpenPgb.Bench -- payment-run [--holders 100000] [--claims 1000000]
    await BenchTools.WriteJsonAsync(
        await PaymentRunBench.RunAsync(IntArg("--holders", 100_000), IntArg("--claims", 1_000_000)),
        StringArg("--out", Path.Combine(BenchTools.FindRoot(), "bench/results/payment-run.json")));
    return 0;
}

if (args.FirstOrDefault() == "reports")
{
    // Reports and risk-scan benchmark (issue 14): dotnet run -c Release --project bench/OpenPgb.Bench -- reports [--holders 100000] [--claims 10000000]
    await BenchTools.WriteJsonAsync(
        await ReportsBench.RunAsync(IntArg("--holders", 100_000), IntArg("--claims", 10_000_000)),
        StringArg("--out", Path.Combine(BenchTools.FindRoot(), "bench/results/reports.json")));
    return 0;
}

if (args.FirstOrDefault() == "conversion")
{
    // Conversion benchmark (issue 12): dotnet run -c Release --project bench/OpenPgb.Bench -- conversion [--holders 10000] [--claims 1000000]
    await BenchTools.WriteJsonAsync(
        await ConversionBench.RunAsync(IntArg("--holders", 10_000), IntArg("--claims", 1_000_000)),
        StringArg("--out", Path.Combine(BenchTools.FindRoot(), "bench/results/conversion.json")));
    return 0;
}

var messages = IntArg("--messages", 100_000);
var also = IntArg("--also", 10_000);
var outFile = StringArg("--out", Path.Combine(BenchTools.FindRoot(), "bench/results/intake.json"));

var runs = new JsonArray();
foreach (var n in new[] { also, messages }.Where(n => n > 0).Distinct().Order())
{
    var run = await RunAsync(n);
    runs.Add(run);
    Console.WriteLine(run.ToJsonString());
}

var main = runs.Last()!.AsObject().DeepClone().AsObject();
main["runs"] = runs;
main["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}";
main["notes"] = "PostgreSQL 15 with fsync on, on this machine's disk; the CLI and the database share the cores.";
Directory.CreateDirectory(Path.GetDirectoryName(outFile)!);
await File.WriteAllTextAsync(outFile, main.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine);
Console.WriteLine($"Written {outFile}");
return 0;

static async Task<JsonObject> RunAsync(int n)
{
    await using var server = await PostgresServer.StartAsync(durable: true);
    var connectionString = await server.CreateDatabaseAsync();
    var env = new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["ConnectionStrings__OpenPgb"] = connectionString };
    var dir = Directory.CreateTempSubdirectory("openpgb-bench-").FullName;
    try
    {
        await BenchTools.Cli(env, "db", "migrate");
        await BenchTools.Cli(env, "grantor", "add", "--code", "0363", "--name", "Gemeente Amsterdam", "--kind", "municipality", "--live-from", "2020-01-01");
        await BenchTools.Cli(env, "grantor", "add", "--code", "0344", "--name", "Gemeente Utrecht", "--kind", "municipality", "--live-from", "2020-01-01");
        await BenchTools.Cli(env, "grantor", "add", "--code", "5501", "--name", "Zorgkantoor", "--kind", "care-office", "--live-from", "2020-01-01");
        await BenchTools.Cli(env, "ipgb", "generate", "--count", n.ToString(CultureInfo.InvariantCulture), "--out", dir, "--seed", "42");

        var baseline = Baseline(dir);
        var import = Stopwatch.StartNew();
        var output = await BenchTools.Cli(env, "ipgb", "import", dir, "--stats");
        import.Stop();
        var peak = BenchTools.ParseStat(output, "peak_rss_mb");
        var accepted = (int)BenchTools.ParseStat(output, "accepted");
        if (accepted != n)
        {
            throw new InvalidOperationException($"Only {accepted} of {n} messages were accepted:\n{output}");
        }

        var seconds = Math.Round(import.Elapsed.TotalSeconds, 2);
        return new JsonObject
        {
            ["messages"] = n,
            ["seconds"] = seconds,
            ["messages_per_second"] = Math.Round(n / import.Elapsed.TotalSeconds),
            ["baseline_seconds"] = Math.Round(baseline.TotalSeconds, 2),
            ["ratio_to_baseline"] = Math.Round(import.Elapsed.TotalSeconds / baseline.TotalSeconds, 2),
            ["peak_rss_mb"] = peak,
            ["database"] = "postgres",
        };
    }
    finally
    {
        Directory.Delete(dir, recursive: true);
    }
}

// The baseline does only what any importer must: read each file, parse it and validate it against its XSD.
static TimeSpan Baseline(string dir)
{
    var watch = Stopwatch.StartNew();
    var valid = 0;
    foreach (var file in Directory.EnumerateFiles(dir, "*.xml"))
    {
        var bytes = File.ReadAllBytes(file);
        var sniff = Message501Reader.SniffHeader(bytes);
        if (Message501Reader.Load(bytes, sniff.Schema!).Message is not null)
        {
            valid++;
        }
    }

    _ = valid;
    return watch.Elapsed;
}

int IntArg(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

string StringArg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
