using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Common;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Ipgb;
using Spectre.Console;

namespace OpenPgb.Cli.Commands;

internal static class IpgbCommands
{
    public static Command Create()
    {
        var ipgb = new Command("ipgb", "iPgb messages") { CreateImport(), CreateGenerate() };
        foreach (var command in BudgetClosingCommands.Create())
        {
            ipgb.Subcommands.Add(command);
        }

        return ipgb;
    }

    private static Command CreateImport()
    {
        var paths = new Argument<string[]>("paths") { Description = "Message files or directories (searched recursively for *.xml)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "Directory for one 502 per message and summary.txt" };
        var conversion = new Option<bool>("--conversion") { Description = "Conversion channel: accept grantors that are not live yet" };
        var verbose = new Option<bool>("--verbose") { Description = "Print one line per message" };
        var stats = new Option<bool>("--stats") { Description = "Print elapsed time and peak memory after the summary" };
        var import = new Command("import", "Import 501 messages from files, answer each with a 502; exit 1 if any was rejected") { paths, output, conversion, verbose, stats };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var started = TimeProvider.System.GetTimestamp();
            var inputs = parse.GetValue(paths)!;
            var missing = inputs.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p));
            if (missing is not null)
            {
                throw new CliException($"No file or directory '{missing}'.");
            }

            await using var services = CliHost.Build();
            await CliDatabase.EnsureReadyAsync(services, cancellationToken);
            var importer = services.GetRequiredService<MessageFileImporter>();
            var channel = parse.GetValue(conversion) ? MessageChannel.Conversion : MessageChannel.File;
            var outDir = parse.GetValue(output);
            var print = parse.GetValue(verbose);
            var files = MessageFileImporter.EnumerateMessageFiles(inputs);

            ImportSummary summary;
            if (AnsiConsole.Profile.Capabilities.Interactive && !print)
            {
                summary = await AnsiConsole.Progress().AutoClear(true).StartAsync(async progress =>
                {
                    var task = progress.AddTask("Berichten verwerken", maxValue: double.MaxValue);
                    task.IsIndeterminate = true;
                    return await importer.ImportAsync(files, outDir, channel, (_, _) => task.Increment(1), cancellationToken);
                });
            }
            else
            {
                summary = await importer.ImportAsync(files, outDir, channel, print ? PrintLine : null, cancellationToken);
            }

            foreach (var line in summary.Lines())
            {
                Console.WriteLine(line);
            }

            if (parse.GetValue(stats))
            {
                using var self = System.Diagnostics.Process.GetCurrentProcess();
                Console.WriteLine($"elapsed_seconds: {TimeProvider.System.GetElapsedTime(started).TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)}");
                Console.WriteLine($"peak_rss_mb: {(self.PeakWorkingSet64 / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture)}");
            }

            if (outDir is not null)
            {
                await File.WriteAllLinesAsync(Path.Combine(outDir, "summary.txt"), summary.Lines(), cancellationToken);
            }

            return summary.Rejected > 0 ? ExitCodes.SomeRejected : ExitCodes.Success;
        });
        return import;
    }

    private static void PrintLine(string file, IntakeResult result) =>
        Console.WriteLine($"{Path.GetFileName(file)}: {result.Outcome} {string.Join(',', result.Codes)}{(result.Failure is null ? string.Empty : " (" + result.Failure + ")")}");

    private static Command CreateGenerate()
    {
        var count = new Option<int>("--count") { Description = "Number of messages", Required = true };
        var output = new Option<string>("--out") { Description = "Output directory", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same messages)", DefaultValueFactory = _ => 1 };
        var grantors = new Option<string>("--grantors") { Description = "Sender codes, comma-separated; care offices end with :wlz", DefaultValueFactory = _ => "0363,0344,5501:wlz" };
        var generate = new Command("generate", "Write valid synthetic 501 messages (both versions) to a directory") { count, output, seed, grantors };
        generate.SetAction(async (parse, cancellationToken) =>
        {
            var n = parse.GetValue(count);
            if (n is < 1 or > 10_000_000)
            {
                throw new CliException("--count must be between 1 and 10000000.");
            }

            var senders = parse.GetValue(grantors)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => s.EndsWith(":wlz", StringComparison.OrdinalIgnoreCase) ? (s[..^4], GrantorKind.CareOffice) : (s, GrantorKind.Municipality))
                .ToList();
            if (senders.Count == 0 || senders.Any(s => !Grantor.IsValidCode(s.Item1)))
            {
                throw new CliException("--grantors must list 4-digit grantor codes.");
            }

            var dir = parse.GetValue(output)!;
            Directory.CreateDirectory(dir);
            var generator = new SyntheticMessageGenerator(parse.GetValue(seed), senders, TimeProvider.System.Today());
            for (var i = 1; i <= n; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var message = generator.Next(i);
                await File.WriteAllBytesAsync(Path.Combine(dir, $"tkb-{i.ToString("D8", CultureInfo.InvariantCulture)}.xml"), Message501Writer.Write(message), cancellationToken);
            }

            Console.WriteLine($"{n} messages written to {dir}.");
            return ExitCodes.Success;
        });
        return generate;
    }
}
