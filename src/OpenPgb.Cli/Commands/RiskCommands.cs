using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Risk;

namespace OpenPgb.Cli.Commands;

/// <summary>The risk scan on demand, as the nightly job runs it, with its signals as a file.</summary>
internal static class RiskCommands
{
    public static Command Create()
    {
        var date = new Option<string?>("--date") { Description = "Scan as of this date (yyyy-MM-dd); default today" };
        var output = new Option<string>("--out") { Description = "Directory to write signals.csv (the signals of this scan)", Required = true };
        var stats = new Option<bool>("--stats") { Description = "Print the scan's time and the peak memory after it" };
        var scan = new Command("scan", "Run the risk scan: new findings become signals and work tasks; the same data adds nothing") { date, output, stats };
        scan.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = CliHost.Build();
            var day = CliArguments.OptionalDate("--date", parse.GetValue(date)) ?? services.GetRequiredService<TimeProvider>().Today();
            var directory = Directory.CreateDirectory(parse.GetValue(output)!).FullName;
            await CliDatabase.EnsureReadyAsync(services, cancellationToken);
            await using var scope = services.SystemScope();
            var started = TimeProvider.System.GetTimestamp();
            var result = await scope.ServiceProvider.GetRequiredService<RiskScanService>().RunAsync(day, cancellationToken);
            var scanSeconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
            if (result is null)
            {
                await Console.Error.WriteLineAsync("openpgb: another risk scan is running; try again when it is done.");
                return ExitCodes.Busy;
            }

            var path = Path.Combine(directory, "signals.csv");
            var partial = path + ".part";
            await using (var file = File.Create(partial))
            {
                await RiskSignalsCsv.WriteAsync(scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>(), result.SignalIds, file, cancellationToken);
            }

            File.Move(partial, path, overwrite: true);
            Console.WriteLine($"Risk scan of {day:yyyy-MM-dd}: {result.Findings} finding(s); {result.Raised} new signal(s), {result.Updated} updated, {result.Unchanged} unchanged, {result.Skipped} skipped; written to {path}.");
            if (parse.GetValue(stats))
            {
                using var self = System.Diagnostics.Process.GetCurrentProcess();
                Console.WriteLine($"scan_seconds: {scanSeconds.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)}");
                Console.WriteLine($"peak_rss_mb: {(self.PeakWorkingSet64 / (1024.0 * 1024.0)).ToString("F1", System.Globalization.CultureInfo.InvariantCulture)}");
            }

            return ExitCodes.Success;
        });
        return new Command("risk", "Risk scan") { scan };
    }
}
