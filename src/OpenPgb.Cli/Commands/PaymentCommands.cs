using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Access;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Ledger;
using OpenPgb.Core.Payments;

namespace OpenPgb.Cli.Commands;

internal static class PaymentCommands
{
    public static Command Create()
    {
        var date = new Option<string?>("--date") { Description = "Business date (yyyy-MM-dd); default today in Amsterdam" };
        var manual = new Option<bool>("--manual") { Description = "A manual run (any number per day) instead of the daily run (one per day)" };
        var output = new Option<string?>("--out") { Description = "Directory for the pain.001 file; default Payments:OutputDirectory" };
        var stats = new Option<bool>("--stats") { Description = "Print elapsed time and peak memory after the run" };
        var run = new Command("run", "Book all payable claims and write the SEPA pain.001 file; safe to start again after a crash") { date, manual, output, stats };
        run.SetAction(async (parse, cancellationToken) =>
        {
            var started = TimeProvider.System.GetTimestamp();
            await using var services = CliHost.Build();
            var options = services.GetRequiredService<PaymentOptions>();
            var today = services.GetRequiredService<TimeProvider>().Today();
            var businessDate = CliArguments.OptionalDate("--date", parse.GetValue(date)) ?? today;
            if (businessDate < today)
            {
                throw new CliException($"--date {businessDate:yyyy-MM-dd} lies in the past: a payment run pays from today on (a bank refuses an execution date in the past).");
            }

            await using var lease = await JobLease.TryAcquireAsync(services.GetRequiredService<DatabaseSettings>(), PaymentRunService.LeaseName, cancellationToken);
            if (lease is null)
            {
                await Console.Error.WriteLineAsync("openpgb: another payment run holds the lease; try again when it has finished.");
                return ExitCodes.Busy;
            }

            await using var scope = services.SystemScope();
            var runStarted = TimeProvider.System.GetTimestamp();
            var result = await scope.ServiceProvider.GetRequiredService<PaymentRunService>().RunAsync(
                parse.GetValue(manual) ? PaymentRunKind.Manual : PaymentRunKind.Daily,
                businessDate,
                Environment.UserName,
                parse.GetValue(output) ?? options.OutputDirectory,
                cancellationToken);
            var runSeconds = TimeProvider.System.GetElapsedTime(runStarted).TotalSeconds;
            Console.WriteLine(result.RunId is null
                ? $"Payment run {businessDate:yyyy-MM-dd}: {result.Outcome}."
                : $"Payment run {result.MessageId} ({result.Outcome}): {result.Payments} payments, {result.Claims} claims, {Money.FormatEuro(result.TotalCents)}; file {result.FilePath}");
            if (parse.GetValue(stats))
            {
                using var self = System.Diagnostics.Process.GetCurrentProcess();
                Console.WriteLine($"claims: {result.Claims}");
                Console.WriteLine($"elapsed_seconds: {TimeProvider.System.GetElapsedTime(started).TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)}");
                // The run itself, in the process: booking, file, validation and hash, without start-up and the lease.
                Console.WriteLine($"run_seconds: {runSeconds.ToString("F2", CultureInfo.InvariantCulture)}");
                Console.WriteLine($"peak_rss_mb: {(self.PeakWorkingSet64 / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture)}");
            }

            return ExitCodes.Success;
        });

        var runId = new Option<long>("--run") { Description = "Payment run id", Required = true };
        var file = new Option<string>("--out") { Description = "File to write", Required = true };
        var regenerate = new Command("file", "Write a run's pain.001 file again (byte for byte the same as the first time)") { runId, file };
        regenerate.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = CliHost.Build();
            await using var scope = services.SystemScope();
            var target = Path.GetFullPath(parse.GetValue(file)!);
            var temporary = target + ".tmp";
            try
            {
                // Written beside the target and moved into place only when complete and valid: never an empty or
                // invalid file under the asked name.
                await using (var stream = File.Create(temporary))
                {
                    await scope.ServiceProvider.GetRequiredService<PaymentRunService>().WriteFileToAsync(parse.GetValue(runId), stream, cancellationToken);
                }

                File.Move(temporary, target, overwrite: true);
                Console.WriteLine($"Payment run {parse.GetValue(runId)}: file written to {target}");
                return ExitCodes.Success;
            }
            catch (NotVisibleException)
            {
                throw new CliException($"Payment run {parse.GetValue(runId)} does not exist; 'openpgb payments run' prints the ids.");
            }
            catch (PaymentFileException ex)
            {
                await Console.Error.WriteLineAsync("openpgb: " + ex.Message);
                return ExitCodes.Failed;
            }
            finally
            {
                File.Delete(temporary);
            }
        });

        var feedbackFile = new Argument<string>("file") { Description = "A pain.002.001.10 or camt.054.001.08 file from the bank" };
        var feedback = new Command("feedback", "Import bank feedback: returned payments are reversed in the ledger") { feedbackFile };
        feedback.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(feedbackFile)!;
            if (!File.Exists(path))
            {
                throw new CliException($"File '{path}' does not exist.");
            }

            await using var services = CliHost.Build();
            await using var scope = services.SystemScope();
            try
            {
                var result = await scope.ServiceProvider.GetRequiredService<BankFeedbackService>().ImportAsync(await File.ReadAllBytesAsync(path, cancellationToken), Path.GetFileName(path), Environment.UserName, cancellationToken);
                Console.WriteLine(result.AlreadyImported
                    ? $"{path}: already imported, nothing changed."
                    : $"{path}: {result.Kind}, {result.Returned} payments returned, {result.AlreadyReturned} already returned, {result.ToCheck} left to a person (another amount than paid), {result.Unknown.Count} unknown{(result.Unknown.Count == 0 ? string.Empty : ": " + string.Join(", ", result.Unknown) + " (import the file again once they are cleared up)")}.");
                return result.Unknown.Count == 0 && result.ToCheck == 0 ? ExitCodes.Success : ExitCodes.CheckFailed;
            }
            catch (BankFeedbackException refused)
            {
                await Console.Error.WriteLineAsync($"openpgb: {path}: {refused.Message}");
                return ExitCodes.CheckFailed;
            }
        });

        return new Command("payments", "Payment runs and SEPA files") { run, regenerate, feedback };
    }

    public static Command CreateLedger()
    {
        var verify = new Command("verify", "Check the invariants of claims, payments and the ledger (every cent booked once, budgets not below zero)");
        verify.SetAction(async (_, cancellationToken) =>
        {
            await using var services = CliHost.Build();
            await using var scope = services.SystemScope();
            var violations = await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(cancellationToken);
            if (violations.Count == 0)
            {
                Console.WriteLine("Ledger sound: every invariant holds.");
                return ExitCodes.Success;
            }

            foreach (var violation in violations)
            {
                await Console.Error.WriteLineAsync("openpgb: ledger invariant broken: " + violation);
            }

            return ExitCodes.CheckFailed;
        });
        return new Command("ledger", "The budget ledger") { verify };
    }
}
