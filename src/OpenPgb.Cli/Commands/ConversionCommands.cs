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
            var comparer = scope.ServiceProvider.GetRequiredService<ConversionComparer>();
            var result = await Guard(() => parse.GetValue(grants) is { } grantsDir
                ? comparer.CompareWithFilesAsync(parse.GetValue(grantor)!, parse.GetValue(export)!, grantsDir, cancellationToken)
                : comparer.CompareAsync(parse.GetValue(grantor)!, parse.GetValue(export)!, cancellationToken));
            Directory.CreateDirectory(outDir);
            if (result.IsUnusable)
            {
                await using (var findings = File.Create(Path.Combine(outDir, ConversionReportWriter.FindingsFile)))
                {
                    await FindingsCsv.WriteAsync(findings, result.Findings, cancellationToken);
                }

                await Console.Error.WriteLineAsync($"openpgb: the input cannot be compared: {result.Findings.Count(f => f.Severity == FindingSeverity.Blocking)} blocking finding(s), listed in {Path.Combine(outDir, ConversionReportWriter.FindingsFile)}; first: {result.Findings.First(f => f.Severity == FindingSeverity.Blocking).Key}: {result.Findings.First(f => f.Severity == FindingSeverity.Blocking).Message}");
                return ExitCodes.UsageOrEnvironment;
            }

            await using (var csv = File.Create(Path.Combine(outDir, "differences.csv")))
            {
                await DifferencesCsv.WriteAsync(csv, result.Differences, cancellationToken);
            }

            await using (var xlsx = File.Create(Path.Combine(outDir, "differences.xlsx")))
            {
                await DifferencesWorkbook.WriteAsync(xlsx, result.Differences, cancellationToken);
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
        var trial = name == "trial";
        var command = new Command(
            name,
            trial
                ? "Trial conversion: the real code path, nothing kept; writes summary.json, findings.csv, reconciliation.csv and report.xlsx; exit 0 ready, 1 blocking findings"
                : "Convert: all or nothing, reconciled to the cent; writes summary.json, findings.csv, reconciliation.csv and report.xlsx; exit 0 converted, 1 refused")
        {
            grantor, export, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = CliHost.Build();
            await CliDatabase.EnsureReadyAsync(services, cancellationToken);
            await using var scope = services.SystemScope();
            var service = scope.ServiceProvider.GetRequiredService<ConversionService>();
            var by = "openpgb CLI (" + Environment.UserName + ")";
            ConversionReport report;
            try
            {
                report = trial
                    ? await Guard(() => service.TrialAsync(parse.GetValue(grantor)!, parse.GetValue(export)!, by, cancellationToken))
                    : await Guard(() => service.RunAsync(parse.GetValue(grantor)!, parse.GetValue(export)!, by, cancellationToken));
            }
            catch (ConversionBusyException ex)
            {
                await Console.Error.WriteLineAsync("openpgb: " + ex.Message);
                return ExitCodes.Busy;
            }

            await ConversionReportWriter.WriteAsync(parse.GetValue(output)!, report, cancellationToken);
            var s = report.Summary;
            Console.WriteLine($"{s.Status}: {s.BudgetHolders} budget holder(s), {s.Stragglers} straggler(s), {s.Agreements} agreement(s), {s.Claims} claim(s), {s.Payments} payment(s); {s.BlockingFindings} blocking finding(s), {s.Warnings} warning(s).");
            foreach (var finding in report.Findings.Where(f => f.Severity == FindingSeverity.Blocking).Take(5))
            {
                await Console.Error.WriteLineAsync($"openpgb: {finding.Kind} {finding.Key}: {finding.Message}");
            }

            return s.IsRefused ? ExitCodes.Failed : ExitCodes.Success;
        });
        return command;
    }

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
