using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using OpenPgb.Core.Reports;
using OpenPgb.EndToEnd.Tests.Support;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.EndToEnd.Tests;

/// <summary>
/// `openpgb report spend` writes the portal's figures as CSV (the columns the issue fixes) or Excel, and refuses bad
/// input with exit code 2 and one line, leaving no file behind.
/// </summary>
public sealed class CliReportTests
{
    [Fact]
    public async Task ReportSpend_WritesTheServicesFigures_AsCsvAndExcel_AndRefusesBadInput()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await AgreementWorld.CreateAsync(database);
        var agreement = await world.ApprovedAsync();
        await world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 2, month: 9));
        await world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 3, month: 10));
        var dir = Directory.CreateTempSubdirectory("openpgb-cli-report-").FullName;
        try
        {
            (await world.RunPaymentsAsync(dir)).Claims.ShouldBe(2);
            await world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 1, month: 11, toDay: 20));
            SpendReport expected;
            await using (var scope = database.Scope(Core.Data.AccessScope.System))
            {
                expected = await scope.ServiceProvider.GetRequiredService<SpendReportService>().CareFunctionsAsync(world.Grantor.Id, ReportPeriod.Year(2026), CancellationToken.None);
            }

            var env = Processes.PostgresEnvironment(database.ConnectionString);
            var csv = Path.Combine(dir, "bestedingen.csv");
            var (exit, output) = await Processes.RunCliAsync(env, "report", "spend", "--grantor", "0363", "--from", "2026-01-01", "--to", "2026-12-31", "--out", csv);
            exit.ShouldBe(0, output);
            var lines = await File.ReadAllLinesAsync(csv);
            lines[0].ShouldBe("zorgfunctie;toegekend_centen;gecommitteerd_centen;betaald_centen;resterend_centen");
            lines[1..].ShouldBe([.. expected.CareFunctions.Select(c => Line(c.CareFunctionCode, c.Figures)), Line("totaal", expected.Total)]);
            lines.ShouldContain(l => l.StartsWith("02;", StringComparison.Ordinal) && l.Contains(";3500;17500;", StringComparison.Ordinal));

            var xlsx = Path.Combine(dir, "bestedingen.xlsx");
            (exit, output) = await Processes.RunCliAsync(env, "report", "spend", "--grantor", "0363", "--from", "2026-01-01", "--to", "2026-12-31", "--out", xlsx);
            exit.ShouldBe(0, output);
            var rows = (await MiniExcel.QueryAsync(xlsx, useHeaderRow: true, sheetName: SpendReportFiles.CareFunctionSheet)).Cast<IDictionary<string, object>>().ToList();
            var total = rows.Single(r => (string)r[SpendReportFiles.CodeColumn] == SpendReportFiles.TotalRow);
            Convert.ToDecimal(total[SpendReportFiles.PaidColumn], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected.Total.PaidCents / 100m);

            var before = Directory.GetFiles(dir).Order(StringComparer.Ordinal).ToList();
            foreach (var (arguments, message) in new (string[], string)[]
            {
                (["--grantor", "0363", "--from", "2026-12-31", "--to", "2026-01-01", "--out", Path.Combine(dir, "x.csv")], "De einddatum van de periode ligt voor de begindatum."),
                (["--grantor", "9999", "--from", "2026-01-01", "--to", "2026-12-31", "--out", Path.Combine(dir, "x.csv")], "Grantor 9999 does not exist."),
                (["--grantor", "0363", "--from", "2026-13-01", "--to", "2026-12-31", "--out", Path.Combine(dir, "x.csv")], "--from '2026-13-01' is not a date"),
                (["--grantor", "0363", "--from", "2026-01-01", "--to", "2026-12-31", "--out", Path.Combine(dir, "x.pdf")], "must end in .csv or .xlsx"),
            })
            {
                (exit, output) = await Processes.RunCliAsync(env, ["report", "spend", .. arguments]);
                exit.ShouldBe(2, output);
                output.ShouldContain(message);
            }

            Directory.GetFiles(dir).Order(StringComparer.Ordinal).ShouldBe(before);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task RiskScan_WritesSignalsCsv_AndASecondScanAddsNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await AgreementWorld.CreateAsync(database);
        await world.ApprovedAsync();
        await world.AddProviderAsync("Tweeling Zorg B.V.", "87654321", iban: "NL91ABNA0417164300");
        var env = Processes.PostgresEnvironment(database.ConnectionString);
        var dir = Directory.CreateTempSubdirectory("openpgb-cli-risk-").FullName;
        try
        {
            var (exit, output) = await Processes.RunCliAsync(env, "risk", "scan", "--date", "2026-11-23", "--out", dir);
            exit.ShouldBe(0, output);
            output.ShouldContain("1 new signal(s)");
            var first = await File.ReadAllLinesAsync(Path.Combine(dir, "signals.csv"));
            first[0].ShouldBe("indicator;verstrekker;onderwerp;periode;bewijs");
            first.ShouldContain("IBAN_GEDEELD;0363;ZV10000001;;ZV10000001");
            first.Skip(1).ShouldAllBe(l => !l.Contains(Messages.ClientBsn, StringComparison.Ordinal) && !l.Contains(Messages.RepresentativeBsn, StringComparison.Ordinal));

            (exit, output) = await Processes.RunCliAsync(env, "risk", "scan", "--date", "2026-11-23", "--out", dir);
            exit.ShouldBe(0, output);
            output.ShouldContain("0 new signal(s), 0 updated");
            (await File.ReadAllLinesAsync(Path.Combine(dir, "signals.csv"))).ShouldBe(first);

            (exit, output) = await Processes.RunCliAsync(env, "risk", "scan", "--date", "23-11-2026", "--out", dir);
            exit.ShouldBe(2, output);
            output.ShouldContain("--date '23-11-2026' is not a date");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Line(string code, SpendFigures f) => string.Join(';', code, f.GrantedCents, f.CommittedCents, f.PaidCents, f.RemainingCents);
}
