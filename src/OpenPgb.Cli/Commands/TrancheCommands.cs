using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Common;
using OpenPgb.Core.Conversion;

namespace OpenPgb.Cli.Commands;

/// <summary>
/// `openpgb tranche add|list` as CONVERSION.md gives them, and the operator's two other tranche steps: `freeze` (the
/// old system took the grantor's last change) and `postpone` (to a later tranche). Going live is `grantor live`.
/// </summary>
internal static class TrancheCommands
{
    public static Command Create() => new("tranche", "Tranches of grantors moving over from PGB1") { Add(), List(), Freeze(), Postpone() };

    private static Command Add()
    {
        var name = new Option<string>("--name") { Description = "Name, e.g. \"Tranche maart 2026\"", Required = true };
        var freeze = new Option<string>("--freeze") { Description = "Freeze date (yyyy-MM-dd): the last day PGB1 takes the grantors' changes", Required = true };
        var grantors = new Option<string>("--grantors") { Description = "Grantor codes, comma separated, e.g. 0363,0344", Required = true };
        var add = new Command("add", "Create a tranche of grantors") { name, freeze, grantors };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var date = CliArguments.Date("--freeze", parse.GetValue(freeze)!);
            await using var services = CliHost.Build();
            await CliDatabase.EnsureReadyAsync(services, cancellationToken);
            await using var scope = services.SystemScope();
            var tranche = await Guard(() => scope.ServiceProvider.GetRequiredService<TrancheService>().AddAsync(
                parse.GetValue(name)!, date, parse.GetValue(grantors)!.Split(','), "openpgb CLI (" + Environment.UserName + ")", cancellationToken));
            Console.WriteLine($"Tranche '{tranche.Name}' (freeze {tranche.FreezeDate:yyyy-MM-dd}) created with {tranche.Grantors.Count} grantor(s).");
            return ExitCodes.Success;
        });
        return add;
    }

    private static Command List()
    {
        var list = new Command("list", "Every tranche with its grantors: state, open differences, latest findings, next step");
        list.SetAction(async (_, cancellationToken) =>
        {
            await using var services = CliHost.Build();
            await CliDatabase.EnsureReadyAsync(services, cancellationToken);
            await using var scope = services.SystemScope();
            var board = await scope.ServiceProvider.GetRequiredService<TrancheService>().BoardAsync(cancellationToken);
            if (board.Count == 0)
            {
                Console.WriteLine("No tranches.");
            }

            foreach (var tranche in board)
            {
                Console.WriteLine($"{tranche.Name}  freeze {tranche.FreezeDate:yyyy-MM-dd}");
                foreach (var g in tranche.Grantors)
                {
                    var last = g.LastConversion ?? g.LastCompare;
                    var findings = last is null ? "-" : $"{last.BlockingFindings} blocking, {last.Warnings} warning(s)";
                    Console.WriteLine($"  {g.Code}  {g.State,-14}  differences {g.OpenDifferences,5}  findings {findings,-26}  next: {g.NextStep}  {g.Name}");
                }
            }

            return ExitCodes.Success;
        });
        return list;
    }

    private static Command Freeze()
    {
        var grantor = new Option<string>("--grantor") { Description = "4-digit grantor code", Required = true };
        var freeze = new Command("freeze", "Mark a grantor frozen: PGB1 took its last change (after a trial conversion without blocking findings)") { grantor };
        freeze.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = CliHost.Build();
            await CliDatabase.EnsureReadyAsync(services, cancellationToken);
            await using var scope = services.SystemScope();
            await Guard(async () =>
            {
                await scope.ServiceProvider.GetRequiredService<TrancheService>().FreezeAsync(parse.GetValue(grantor)!, cancellationToken);
                return 0;
            });
            Console.WriteLine($"Grantor {parse.GetValue(grantor)} frozen.");
            return ExitCodes.Success;
        });
        return freeze;
    }

    private static Command Postpone()
    {
        var grantor = new Option<string>("--grantor") { Description = "4-digit grantor code", Required = true };
        var to = new Option<string>("--to") { Description = "Name of the later tranche", Required = true };
        var postpone = new Command("postpone", "Move a grantor that is not converted yet to a later tranche") { grantor, to };
        postpone.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = CliHost.Build();
            await CliDatabase.EnsureReadyAsync(services, cancellationToken);
            await using var scope = services.SystemScope();
            var tranches = scope.ServiceProvider.GetRequiredService<TrancheService>();
            var target = (await tranches.BoardAsync(cancellationToken)).SingleOrDefault(t => t.Name == parse.GetValue(to))
                ?? throw new CliException($"No tranche named '{parse.GetValue(to)}'.");
            await Guard(async () =>
            {
                await tranches.PostponeAsync(parse.GetValue(grantor)!, target.Id, cancellationToken);
                return 0;
            });
            Console.WriteLine($"Grantor {parse.GetValue(grantor)} moved to '{target.Name}'.");
            return ExitCodes.Success;
        });
        return postpone;
    }

    private static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is TrancheException or IllegalTransitionException)
        {
            throw new CliException(ex.Message);
        }
    }
}
