using System.Globalization;
using System.Text.Json;
using OpenPgb.Core.Common;
using OpenPgb.Core.Conversion;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ipgb;
using OpenPgb.Core.Parties;
using OpenPgb.EndToEnd.Tests.Support;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.EndToEnd.Tests;

/// <summary>
/// The CLI contract of CONVERSION.md, run as an operator would, on PostgreSQL and on the embedded SQLite default:
/// compare (exit 0, 1 or 2, differences.csv), trial (nothing kept), run (summary.json, findings.csv,
/// reconciliation.csv), a second run that answers already-converted, the ledger and the access log sound after it,
/// and a payment run that pays exactly the GOED claim and nothing historic.
/// </summary>
public abstract class CliConversionTests : IAsyncLifetime
{
    private static readonly DateOnly Sent = TimeProvider.System.Today().AddDays(-1);
    private readonly string _work = Directory.CreateTempSubdirectory("openpgb-cli-conversion-").FullName;

    protected Dictionary<string, string> Env { get; set; } = [];

    public abstract ValueTask InitializeAsync();

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        Directory.Delete(_work, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task CompareTrialRun_FollowTheContract_AndThePaymentRunPaysOnlyTheGoedClaim()
    {
        await CliAsync(0, "grantor", "add", "--code", Pgb1ExportFiles.Grantor, "--name", "Gemeente Amsterdam", "--kind", "municipality");
        var export = new Pgb1ExportFiles().Write();
        var grants = Directory.CreateDirectory(Path.Combine(_work, "grants")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(grants, "b-1.xml"), Matching(650_000, "TKB000000001").Bytes());

        var differences = await CliAsync(1, "conversion", "compare", "--grantor", "0363", "--export", export, "--grants", grants, "--out", Out("compare-1"));
        differences.ShouldContain("1 difference(s)");
        (await File.ReadAllTextAsync(Path.Combine(Out("compare-1"), "differences.csv"))).ShouldBe("soort;bsn;budgetidentificatie;veld;pgb1;verstrekker\nBEDRAG;111222333;B-1;03;600000;650000\n");
        File.Exists(Path.Combine(Out("compare-1"), "differences.xlsx")).ShouldBeTrue();

        await File.WriteAllBytesAsync(Path.Combine(grants, "b-1.xml"), Matching(600_000, "TKB000000002").Bytes());
        await CliAsync(0, "ipgb", "import", grants, "--conversion");
        await CliAsync(0, "conversion", "compare", "--grantor", "0363", "--export", export, "--out", Out("compare-2"));
        (await File.ReadAllTextAsync(Path.Combine(Out("compare-2"), "differences.csv"))).ShouldBe("soort;bsn;budgetidentificatie;veld;pgb1;verstrekker\n");

        var broken = new Pgb1ExportFiles();
        broken.Damage[Pgb1ExportReader.ClaimsFile] = bytes => bytes[..(bytes.Length / 2)];
        var unusable = await CliAsync(2, "conversion", "compare", "--grantor", "0363", "--export", broken.Write(), "--out", Out("compare-3"));
        unusable.ShouldContain("cannot be compared");
        (await File.ReadAllTextAsync(Path.Combine(Out("compare-3"), "findings.csv"))).ShouldContain("BLOKKEREND;MANIFEST;declaraties.csv");

        await CliAsync(0, "conversion", "trial", "--grantor", "0363", "--export", export, "--out", Out("trial"));
        Summary("trial").GetProperty("status").GetString().ShouldBe("trial");
        await CliAsync(0, "conversion", "trial", "--grantor", "0363", "--export", export, "--out", Out("trial-again"));

        await CliAsync(0, "conversion", "run", "--grantor", "0363", "--export", export, "--out", Out("run"));
        var summary = Summary("run");
        summary.GetProperty("status").GetString().ShouldBe("converted");
        (summary.GetProperty("budget_holders").GetInt32(), summary.GetProperty("stragglers").GetInt32(), summary.GetProperty("claims").GetInt32(), summary.GetProperty("payments").GetInt32())
            .ShouldBe((1, 1, 5, 2));
        (summary.GetProperty("paid_cents").GetInt64(), summary.GetProperty("committed_cents").GetInt64(), summary.GetProperty("submitted_cents").GetInt64()).ShouldBe((92_500, 20_000, 11_250));
        (await File.ReadAllTextAsync(Path.Combine(Out("run"), "findings.csv"))).ShouldBe("ernst;soort;sleutel;melding\n");
        (await File.ReadAllLinesAsync(Path.Combine(Out("run"), "reconciliation.csv"))).ShouldBe(
        [
            ConversionReportWriter.ReconciliationHeader,
            "111222333;02;2026;92500;92500;0;0;0",
            "111222333;03;2026;0;0;20000;20000;0",
        ]);

        await CliAsync(0, "conversion", "run", "--grantor", "0363", "--export", export, "--out", Out("run-again"));
        Summary("run-again").GetProperty("status").GetString().ShouldBe("already-converted");
        await CliAsync(0, "ledger", "verify");
        await CliAsync(0, "audit", "verify");

        var paid = await CliAsync(0, "payments", "run", "--out", Out("payments"));
        paid.ShouldContain("1 payments, 1 claims");
        await CliAsync(0, "ledger", "verify");

        await CliAsync(0, "grantor", "live", "--code", "0363", "--from", TimeProvider.System.Today().AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await CliAsync(2, "grantor", "live", "--code", "0344", "--from", "2027-01-01");
    }

    [Fact]
    public async Task Run_WithABlockingFinding_ExitsOne_AndAppliesNothing()
    {
        await CliAsync(0, "grantor", "add", "--code", Pgb1ExportFiles.Grantor, "--name", "Gemeente Amsterdam", "--kind", "municipality");
        var export = new Pgb1ExportFiles().Write();

        var output = await CliAsync(1, "conversion", "run", "--grantor", "0363", "--export", export, "--out", Out("refused"));

        output.ShouldContain(FindingKinds.BudgetMissing);
        Summary("refused").GetProperty("status").GetString().ShouldBe("refused");
        (await File.ReadAllLinesAsync(Path.Combine(Out("refused"), "findings.csv"))).Length.ShouldBe(3);
        await CliAsync(2, "conversion", "run", "--grantor", "9999", "--export", export, "--out", Out("unknown"));
        await CliAsync(2, "conversion", "run", "--grantor", "0363", "--export", Path.Combine(_work, "bestaat-niet"), "--out", Out("missing"));
    }

    [Fact]
    public async Task ATranche_FromTheCli_OnTheDemoFiles_GoesLive_AndAStragglersLater501Gets9011()
    {
        var today = TimeProvider.System.Today();
        await CliAsync(0, "grantor", "add", "--code", "0599", "--name", "Gemeente Rotterdam", "--kind", "municipality");
        await CliAsync(0, "grantor", "add", "--code", "0518", "--name", "Gemeente 's-Gravenhage", "--kind", "municipality");
        var demo = Out("demo");
        (await CliAsync(0, "demo", "conversion", "--out", demo, "--budget-holders", "6")).ShouldContain("0599: 6 budget holders (1 stay on PGB1)");
        var freeze = today.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await CliAsync(0, "tranche", "add", "--name", "Tranche CLI", "--freeze", freeze, "--grantors", "0599,0518");
        (await CliAsync(2, "tranche", "add", "--name", "Tranche dubbel", "--freeze", freeze, "--grantors", "0599")).ShouldContain("staat al in tranche");

        await CliAsync(0, "ipgb", "import", Path.Combine(demo, "0599", "501"), "--conversion");
        await CliAsync(0, "ipgb", "import", Path.Combine(demo, "0599", "501-correcties"), "--conversion");
        var export = Path.Combine(demo, "0599", "export");
        await CliAsync(1, "conversion", "compare", "--grantor", "0599", "--export", export, "--out", Out("tranche-compare"));
        (await File.ReadAllLinesAsync(Path.Combine(Out("tranche-compare"), "differences.csv"))).Skip(1).ShouldHaveSingleItem().ShouldStartWith("ALLEEN_VERSTREKKER;");
        (await CliAsync(0, "tranche", "list")).ShouldContain("0599  Compared");
        await CliAsync(0, "conversion", "trial", "--grantor", "0599", "--export", export, "--out", Out("tranche-trial"));
        await CliAsync(0, "tranche", "freeze", "--grantor", "0599");
        await CliAsync(0, "conversion", "run", "--grantor", "0599", "--export", export, "--out", Out("tranche-run"));
        Summary("tranche-run").GetProperty("stragglers").GetInt32().ShouldBe(1);
        await CliAsync(0, "grantor", "live", "--code", "0599", "--from", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        (await CliAsync(2, "grantor", "live", "--code", "0518", "--from", freeze)).ShouldContain("nog niet geconverteerd");
        var list = await CliAsync(0, "tranche", "list");
        list.ShouldContain("0599  Live");
        list.ShouldContain("0518  Planned");

        var straggler = (await File.ReadAllLinesAsync(Path.Combine(export, Pgb1ExportReader.BudgetHoldersFile))).Skip(1).Select(l => l.Split(';')).Single(f => f[4] == "J")[0];
        var late = Path.Combine(_work, "late-501.xml");
        await File.WriteAllBytesAsync(late, Messages.Valid(identification: "LATE0001", budgetKey: "K-LATE")
            .WithHeader(h => h with { Sender = "0599", DateSent = today })
            .WithClient(c => c with { Bsn = straggler }).Bytes());
        (await CliAsync(1, "ipgb", "import", late)).ShouldContain("9011");
        await CliAsync(0, "ledger", "verify");
        await CliAsync(0, "audit", "verify");
    }

    /// <summary>The grantor's 501 for the export's converted budget holder; 03 with the given amount.</summary>
    private static Message501 Matching(long amount03, string identification)
    {
        static CareFunctionBudgetRecord Budget(string code, long cents) => new(code, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), cents, null);
        return Messages.Valid(budgetKey: "B-1", identification: identification)
            .WithHeader(h => h with { DateSent = Sent })
            .WithClient(c => c with { Bsn = "111222333" })
            .WithBudget(b => b with
            {
                CareFunctionBudgets = [Budget("02", 1_200_000), Budget("03", amount03)],
                Representatives = [new RepresentativeRecord("02", "123456782", new DateOnly(1978, 5, 1), new PersonName("Vries", null, "P"), RepresentativeRights.ReadWrite, true)],
            });
    }

    private JsonElement Summary(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Out(name), ConversionReportWriter.SummaryFile))).RootElement;

    private string Out(string name) => Path.Combine(_work, name);

    private async Task<string> CliAsync(int expectedExit, params string[] arguments)
    {
        var (exit, output) = await Processes.RunCliAsync(Env, arguments);
        exit.ShouldBe(expectedExit, $"openpgb {string.Join(' ', arguments)}: {output}");
        return output;
    }
}

public sealed class CliConversionOnPostgresTests : CliConversionTests
{
    public override async ValueTask InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync();
        Env = Processes.PostgresEnvironment(database.ConnectionString);
        await database.DisposeAsync();
    }
}

public sealed class CliConversionOnSqliteTests : CliConversionTests
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"openpgb-cli-conversion-{Guid.NewGuid():N}.db");

    public override async ValueTask InitializeAsync()
    {
        Env = new() { ["Database__Provider"] = "Sqlite", ["ConnectionStrings__OpenPgb"] = $"Data Source={_database}" };
        var (exit, output) = await Processes.RunCliAsync(Env, "db", "migrate");
        exit.ShouldBe(0, output);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_database)!, Path.GetFileName(_database) + "*"))
        {
            File.Delete(file);
        }
    }
}
