using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.BudgetClosing;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;

namespace OpenPgb.Cli.Commands;

/// <summary>The file channel for 507/508: produce due 507s, write a grantor's outbox to files, read 508 answers.</summary>
internal static class BudgetClosingCommands
{
    public static IEnumerable<Command> Create() => [CreateClose(), CreateOutbox(), CreateRetour()];

    private static Command CreateClose()
    {
        var date = new Option<string?>("--date") { Description = "Produce what is due on this date (yyyy-MM-dd); default today" };
        var close = new Command("close-budgets", "Produce the 507s that are due (period ended 14 weeks ago, overspent, calendar year closed)") { date };
        close.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = CliHost.Build();
            var value = parse.GetValue(date);
            var today = CliArguments.OptionalDate("--date", value) ?? services.GetRequiredService<TimeProvider>().Today();
            await using var scope = services.SystemScope();
            var produced = await scope.ServiceProvider.GetRequiredService<BudgetClosingService>().ProduceDueAsync(today, cancellationToken);
            Console.WriteLine($"{produced} budget closing message(s) (507) produced for {today:yyyy-MM-dd}.");
            return ExitCodes.Success;
        });
        return close;
    }

    private static Command CreateOutbox()
    {
        var grantor = new Option<string>("--grantor") { Description = "Grantor code (4 digits)", Required = true };
        var output = new Option<string>("--out") { Description = "Directory to write one file per 507", Required = true };
        var outbox = new Command("outbox", "Write a grantor's unanswered 507s to files (the file channel of GET /api/ipgb/v1/outbox)") { grantor, output };
        outbox.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = CliHost.Build();
            await using var scope = services.SystemScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
            var code = parse.GetValue(grantor)!;
            var grantorId = await db.Grantors.Where(g => g.Code == code).Select(g => (int?)g.Id).SingleOrDefaultAsync(cancellationToken)
                ?? throw new CliException($"Grantor {code} does not exist.");
            var closings = scope.ServiceProvider.GetRequiredService<BudgetClosingService>();
            var directory = Directory.CreateDirectory(parse.GetValue(output)!).FullName;
            var pending = await closings.PendingAsync(grantorId, cancellationToken);
            foreach (var message in pending)
            {
                await closings.FetchAsync(grantorId, message.Identification, cancellationToken);
                await File.WriteAllBytesAsync(Path.Combine(directory, message.Identification + ".xml"), message.Xml, cancellationToken);
            }

            Console.WriteLine($"{pending.Count} message(s) written to {directory}.");
            return ExitCodes.Success;
        });
        return outbox;
    }

    private static Command CreateRetour()
    {
        var files = new Argument<string[]>("files") { Description = "508 files", Arity = ArgumentArity.OneOrMore };
        var retour = new Command("retour", "Read grantors' 508 answers to 507s") { files };
        retour.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = CliHost.Build();
            var failed = 0;
            foreach (var path in parse.GetValue(files)!)
            {
                await using var scope = services.SystemScope();
                try
                {
                    var content = await File.ReadAllBytesAsync(path, cancellationToken);
                    var sender = Message507.ReadRetour(content).Sender;
                    var outcome = await scope.ServiceProvider.GetRequiredService<BudgetClosingService>().ReceiveRetourAsync(sender, content, cancellationToken);
                    Console.WriteLine($"{path}: {outcome}");
                    failed += outcome == RetourOutcome.Recorded ? 0 : 1;
                }
                catch (Exception ex) when (ex is Retour508Exception or IOException)
                {
                    await Console.Error.WriteLineAsync($"openpgb: {path}: {ex.Message}");
                    failed++;
                }
            }

            return failed == 0 ? ExitCodes.Success : ExitCodes.SomeRejected;
        });
        return retour;
    }
}
