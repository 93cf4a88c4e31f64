using System.CommandLine;
using OpenPgb.Cli;
using OpenPgb.Cli.Commands;

var root = new RootCommand("openpgb: operator commands for OpenPgb (PGB2.0)");
root.Subcommands.Add(DatabaseCommands.Create());
root.Subcommands.Add(DemoCommands.Create());
root.Subcommands.Add(GrantorCommands.Create());
root.Subcommands.Add(TokenCommands.Create());
root.Subcommands.Add(IpgbCommands.Create());
root.Subcommands.Add(AuditCommands.Create());
root.Subcommands.Add(PaymentCommands.Create());
root.Subcommands.Add(PaymentCommands.CreateLedger());
root.Subcommands.Add(ConversionCommands.Create());
root.Subcommands.Add(TrancheCommands.Create());
root.Subcommands.Add(ReportCommands.Create());
root.Subcommands.Add(RiskCommands.Create());

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        await Console.Error.WriteLineAsync("openpgb: " + error.Message);
    }

    await Console.Error.WriteLineAsync("Run 'openpgb --help' for usage.");
    return ExitCodes.UsageOrEnvironment;
}

try
{
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (CliException ex)
{
    await Console.Error.WriteLineAsync("openpgb: " + ex.Message);
    return ExitCodes.UsageOrEnvironment;
}
catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or UnauthorizedAccessException)
{
    // The environment: the database cannot be reached, a file cannot be read or written.
    await Console.Error.WriteLineAsync($"openpgb: {ex.GetType().Name}: {ex.Message}");
    return ExitCodes.UsageOrEnvironment;
}
catch (Exception ex) when (ex is not OperationCanceledException)
{
    // Anything else is a failure of the work itself: one line and exit 1, never an unhandled crash (exit 134).
    await Console.Error.WriteLineAsync($"openpgb: failed: {ex.GetType().Name}: {ex.Message}");
    return ExitCodes.Failed;
}
