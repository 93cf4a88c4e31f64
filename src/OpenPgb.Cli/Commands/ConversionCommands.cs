using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Conversion;

namespace OpenPgb.Cli.Commands;

/// <summary>
/// `openpgb conversion compare|trial|run`, exactly as CONVERSION.md gives them: compare exits 0 without differences, 1
/// with differences, 2 on unusable input; trial exits 0 when ready and 1 on blocking findings; run exits 0 when
/// converted and reconciled (or already converted) and 1 when refused, nothing applied. 3: a payment run holds the lease.
/// </summary>
internal static class ConversionCommands
{
    public static Command Create()
    {
        return new Command("conversion", "Convert a grantor from the old system (PGB1): compare, trial, run") { Compare(), Convert("trial"), Convert("run") };
    }

    private static Command Compare()
    {
        var grantor = GrantorOption();
        var export = ExportOption();
        var grants = new Option<string?>("--grants") { Description = "Directory of the grantor's 501 files (not imported); without it, the 501s received over the conversion channel" };
        var output = OutOption();
        var compare = new Command("compare", "Compare the export with the grantor's 501s; write differences.csv and differences.xlsx; exit 0 none, 1 differences, 2 unusable input")
        {
            grantor, export, grants, output,
        };
        compare.SetAction(async (parse, cancellationToken) =>
        {
            var outDir = parse.GetValue(output)!;
            await using var services = CliHost.Build();
            await CliDatabase.EnsureReadyAsync(services, cancellationToken);
            await using var scope = services.SystemScope();
            var workflow = scope.ServiceProvider.GetRequiredService<ConversionWorkflow>();
            var result = await Guard(() => workflow.CompareAsync(parse.GetValue(grantor)!, parse.GetValue(export)!, parse.GetValue(grants), outDir, By, cancellationToken));
            if (result.IsUnusable)
            {
                var first = result.Findings.First(f => f.Severity == FindingSeverity.Blocking);
                await Console.Error.WriteLineAsync($"openpgb: the input cannot be compared: {result.Findings.Count(f => f.Severity == FindingSeverity.Blocking)} blocking finding(s), listed in {Path.Combine(outDir, ConversionReportWriter.FindingsFile)}; first: {first.Key}: {first.Message}");
                return ExitCodes.UsageOrEnvironment;
            }

            Console.WriteLine($"{result.Differences.Count} difference(s); work tasks: {result.TasksOpened} opened, {result.TasksClosed} closed.");
            return result.Differences.Count == 0 ? ExitCodes.Success : ExitCodes.SomeRejected;
        });
        return compare;
    }

    private static Command Convert(string name)
    {
        var grantor = GrantorOption();
        var export = ExportOption();
        var output = OutOption();
        var stats = new Option<bool>("--stats") { Description = "Print elapsed time and peak memory after the summary" };
        var trial = name == "trial";
        var command = new Command(
            name,
            trial
                ? "Trial conversion: the real code path, nothing kept; writes summary.json, findings.csv, reconciliation.csv and report.xlsx; exit 0 ready, 1 blocking findings"
                : "Convert: all or nothing, reconciled to the cent; writes summary.json, findings.csv, reconciliation.csv and report.xlsx; exit 0 converted, 1 refused")
        {
            grantor, export, output, stats,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var started = TimeProvider.System.GetTimestamp();
            await using var services = CliHost.Build();
            await CliDatabase.EnsureReadyAsync(services, cancellationToken);
            await using var scope = services.SystemScope();
            var workflow = scope.ServiceProvider.GetRequiredService<ConversionWorkflow>();
            var outDir = parse.GetValue(output)!;
            ConversionReport report;
            try
            {
                report = trial
                    ? await Guard(() => workflow.TrialAsync(parse.GetValue(grantor)!, parse.GetValue(export)!, outDir, By, cancellationToken))
                    : await Guard(() => workflow.RunAsync(parse.GetValue(grantor)!, parse.GetValue(export)!, outDir, By, cancellationToken));
            }
            catch (ConversionBusyException ex)
            {
                await Console.Error.WriteLineAsync("openpgb: " + ex.Message);
                return ExitCodes.Busy;
            }

            var s = report.Summary;
            Console.WriteLine($"{s.Status}: {s.BudgetHolders} budget holder(s), {s.Stragglers} straggler(s), {s.Agreements} agreement(s), {s.Claims} claim(s), {s.Payments} payment(s); {s.BlockingFindings} blocking finding(s), {s.Warnings} warning(s).");
            foreach (var finding in report.Findings.Where(f => f.Severity == FindingSeverity.Blocking).Take(5))
            {
                await Console.Error.WriteLineAsync($"openpgb: {finding.Kind} {finding.Key}: {finding.Message}");
            }

            if (parse.GetValue(stats))
            {
                using var self = System.Diagnostics.Process.GetCurrentProcess();
                Console.WriteLine($"elapsed_seconds: {TimeProvider.System.GetElapsedTime(started).TotalSeconds.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)}");
                Console.WriteLine($"peak_rss_mb: {(self.PeakWorkingSet64 / (1024.0 * 1024.0)).ToString("F1", System.Globalization.CultureInfo.InvariantCulture)}");
            }

            return s.IsRefused ? ExitCodes.Failed : ExitCodes.Success;
        });
        return command;
    }

    private static string By => "openpgb CLI (" + Environment.UserName + ")";

    private static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (ConversionException ex)
        {
            throw new CliException(ex.Message);
        }
    }

    private static Option<string> GrantorOption() => new("--grantor") { Description = "4-digit grantor code", Required = true };

    private static Option<string> ExportOption() => new("--export") { Description = "Directory with the PGB1 export of this grantor", Required = true };

    private static Option<string> OutOption() => new("--out") { Description = "Directory for the output files", Required = true };
}
