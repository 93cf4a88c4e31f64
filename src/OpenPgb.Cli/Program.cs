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
