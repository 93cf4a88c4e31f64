using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Reports;

namespace OpenPgb.Cli.Commands;

/// <summary>Reports for operators and scripts: the same figures as the portal's, as a file.</summary>
internal static class ReportCommands
{
    public static Command Create() => new("report", "Reports") { CreateSpend() };

    private static Command CreateSpend()
    {
        var grantor = new Option<string>("--grantor") { Description = "Grantor code (4 digits)", Required = true };
        var from = new Option<string>("--from") { Description = "First day of the period (yyyy-MM-dd)", Required = true };
        var to = new Option<string>("--to") { Description = "Last day of the period (yyyy-MM-dd)", Required = true };
        var output = new Option<string>("--out") { Description = "File to write: .csv (cents per care function, then totaal) or .xlsx (the workbook of the portal)", Required = true };
        var spend = new Command("spend", "Spend per care function of one grantor in a period: granted, committed, paid, remaining") { grantor, from, to, output };
        spend.SetAction(async (parse, cancellationToken) =>
        {
            var path = Path.GetFullPath(parse.GetValue(output)!);
            var extension = Path.GetExtension(path).ToUpperInvariant();
            if (extension is not (".CSV" or ".XLSX"))
            {
                throw new CliException($"--out '{path}' must end in .csv or .xlsx.");
            }

            ReportPeriod period;
            try
            {
                period = ReportPeriod.Of(CliArguments.Date("--from", parse.GetValue(from)!), CliArguments.Date("--to", parse.GetValue(to)!));
            }
            catch (BusinessRuleException refused)
            {
                throw new CliException(refused.Message);
            }

            await using var services = CliHost.Build();
            await CliDatabase.EnsureReadyAsync(services, cancellationToken);
            await using var scope = services.SystemScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
            var code = parse.GetValue(grantor)!;
            var grantorId = await db.Grantors.Where(g => g.Code == code).Select(g => (int?)g.Id).SingleOrDefaultAsync(cancellationToken)
                ?? throw new CliException($"Grantor {code} does not exist.");
            var reports = scope.ServiceProvider.GetRequiredService<SpendReportService>();
            var report = await reports.CareFunctionsAsync(grantorId, period, cancellationToken);

            // Written beside the target and moved over it when complete: a failed run leaves no half file.
            var partial = path + ".part";
            await using (var file = File.Create(partial))
            {
                if (extension == ".CSV")
                {
                    await SpendReportFiles.WriteCsvAsync(report, file, cancellationToken);
                }
                else
                {
                    var budgets = await reports.BudgetsAsync(grantorId, period, null, cancellationToken);
                    await SpendReportFiles.WriteExcelAsync(report, budgets, services.GetRequiredService<TimeProvider>().GetUtcNow(), file, cancellationToken);
                }
            }

            File.Move(partial, path, overwrite: true);
            var total = report.Total;
            Console.WriteLine($"Spend of {report.GrantorCode} over {period}: {report.CareFunctions.Count} care function(s), granted {Money.FormatEuro(total.GrantedCents)}, committed {Money.FormatEuro(total.CommittedCents)}, paid {Money.FormatEuro(total.PaidCents)}, remaining {Money.FormatEuro(total.RemainingCents)}; written to {path}.");
            return ExitCodes.Success;
        });
        return spend;
    }
}
