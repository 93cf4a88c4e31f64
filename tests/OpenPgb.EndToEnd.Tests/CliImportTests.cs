using System.Text;
using System.Xml.Linq;
using Npgsql;
using OpenPgb.Core.Common;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ipgb;
using OpenPgb.EndToEnd.Tests.Support;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.EndToEnd.Tests;

/// <summary>
/// The real `openpgb` CLI against PostgreSQL: a mixed directory (valid 2.0.2, valid 2.3, and one message per retour
/// code of IPGB.md) gets the right 502 per file, only valid messages are stored, the exit code is 1, and a second run
/// changes nothing.
/// </summary>
public sealed class CliImportTests : IAsyncLifetime
{
    private static readonly DateOnly Today = TimeProvider.System.Today();
    private readonly string _in = Directory.CreateTempSubdirectory("openpgb-in-").FullName;
    private readonly string _out = Directory.CreateTempSubdirectory("openpgb-out-").FullName;
    private Dictionary<string, string> _env = [];

    public async ValueTask InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync();
        _env = Processes.PostgresEnvironment(database.ConnectionString);
        await database.DisposeAsync();
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_in, true);
        Directory.Delete(_out, true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Import_MixedDirectory_AnswersEachWithItsCodes_StoresOnlyValid_AndIsIdempotent()
    {
        (await Processes.RunCliAsync(_env, "grantor", "add", "--code", "0363", "--name", "Gemeente Amsterdam", "--kind", "municipality", "--live-from", "2026-01-01")).ExitCode.ShouldBe(0);
        (await Processes.RunCliAsync(_env, "grantor", "add", "--code", "5501", "--name", "Zorgkantoor", "--kind", "care-office", "--live-from", "2026-01-01")).ExitCode.ShouldBe(0);
        (await Processes.RunCliAsync(_env, "grantor", "add", "--code", "0344", "--name", "Gemeente Utrecht", "--kind", "municipality", "--live-from", Today.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))).ExitCode.ShouldBe(0);
        var expected = WriteMixedDirectory();

        var (exit, output) = await Processes.RunCliAsync(_env, "ipgb", "import", _in, "--out", _out);

        exit.ShouldBe(1, output);
        output.ShouldContain($"accepted: 3");
        foreach (var (file, codes) in expected)
        {
            var retour = XDocument.Load(Path.Combine(_out, file + ".502.xml"));
            var found = retour.Descendants().Where(e => e.Name.LocalName == "RetourCode").Select(e => e.Value).Where(c => c is not "0200" and not "0233").Distinct().Order().ToList();
            found.ShouldBe(codes.Order().ToList(), $"{file}: {string.Join(',', found)}");
        }

        File.ReadAllText(Path.Combine(_out, "summary.txt")).ShouldContain("rejected: " + (expected.Count - 3));
        var before = await CountsAsync();
        before.Grants.ShouldBe(3);

        var (again, againOutput) = await Processes.RunCliAsync(_env, "ipgb", "import", _in);

        again.ShouldBe(1, againOutput);
        againOutput.ShouldContain("replayed (accepted before): 3");
        (await CountsAsync()).ShouldBe(before with { Messages = before.Messages * 2 });
    }

    [Fact]
    public async Task Cli_UsageAndEnvironmentErrors_ExitWith2AndOneLine()
    {
        (await Processes.RunCliAsync(_env, "ipgb", "import")).ExitCode.ShouldBe(2);
        (await Processes.RunCliAsync(_env, "ipgb", "import", "/does/not/exist")).ExitCode.ShouldBe(2);
        (await Processes.RunCliAsync(_env, "grantor", "add", "--code", "36", "--name", "x", "--kind", "municipality")).ShouldSatisfyAllConditions(
            r => r.ExitCode.ShouldBe(2),
            r => r.Output.ShouldContain("4 cijfers"));
        var unreachable = new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["ConnectionStrings__OpenPgb"] = "Host=127.0.0.1;Port=1;Username=x;Database=x;Timeout=2" };
        Directory.CreateDirectory(Path.Combine(_in, "empty"));
        var (exit, output) = await Processes.RunCliAsync(unreachable, "ipgb", "import", Path.Combine(_in, "empty"));
        exit.ShouldBe(2);
        output.ShouldContain("Database not reachable");
    }

    [Fact]
    public async Task Generate_WritesValidMessagesOfBothVersions()
    {
        var (exit, _) = await Processes.RunCliAsync(_env, "ipgb", "generate", "--count", "40", "--out", _in, "--seed", "7");

        exit.ShouldBe(0);
        var files = Directory.GetFiles(_in, "*.xml");
        files.Length.ShouldBe(40);
        var versions = files.Select(f => Message501Reader.SniffHeader(File.ReadAllBytes(f)).Schema!.Version).Distinct().ToList();
        versions.Count.ShouldBe(2);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            Message501Reader.Load(bytes, Message501Reader.SniffHeader(bytes).Schema!).Failure.ShouldBeNull();
        }
    }

    private Dictionary<string, string[]> WriteMixedDirectory()
    {
        var expected = new Dictionary<string, string[]>();
        var n = 0;
        void Add(string name, Message501 message, params string[] codes)
        {
            n++;
            var file = $"{n:D2}-{name}";
            File.WriteAllBytes(Path.Combine(_in, file + ".xml"), message.Bytes());
            expected[file] = codes;
        }

        Message501 Base(string id, string key, string bsn, IpgbVersion version = IpgbVersion.V23) =>
            Messages.Valid(version, identification: id, budgetKey: key)
                .WithHeader(h => h with { DateSent = Today })
                .WithClient(c => c with { Bsn = bsn })
                .WithBudget(b => b with { Representatives = [b.Representatives[0] with { Bsn = "999990020" }] });

        Add("valid-202", Base("V202", "K-202", "999990019", IpgbVersion.V202));
        Add("valid-23", Base("V23", "K-23", "999990032"));
        Add("valid-wlz", Base("VWLZ", "K-WLZ", "999990044").WithHeader(h => h with { Sender = "5501" }).WithBudget(b => b with { Law = Law.Wlz, CareFunctionBudgets = [b.CareFunctionBudgets[0] with { CareFunction = "99" }] }));
        Add("0018-unknown-sender", Base("E0018", "K-0018", "999990056").WithHeader(h => h with { Sender = "9999" }), "0018");
        Add("0018-not-live", Base("E0018B", "K-0018B", "999990056").WithHeader(h => h with { Sender = "0344" }), "0018");
        Add("8848-future", Base("E8848", "K-8848", "999990056").WithHeader(h => h with { DateSent = Today.AddDays(2) }), "8848");
        Add("9001-elfproef", Base("E9001", "K-9001", "999990018"), "9001");
        Add("9002-end-before-start", Base("E9002", "K-9002", "999990056").WithBudget(b => b with { CareFunctionBudgets = [b.CareFunctionBudgets[0] with { EndDate = b.CareFunctionBudgets[0].StartDate.AddDays(-1) }] }), "9002");
        Add("9003-code-list", Base("E9003", "K-9003", "999990056").WithBudget(b => b with { CareFunctionBudgets = [b.CareFunctionBudgets[0] with { CareFunction = "55" }] }), "9003");
        Add("9004-99-combined", Base("E9004", "K-9004", "999990056").WithBudget(b => b with { CareFunctionBudgets = [b.CareFunctionBudgets[0], b.CareFunctionBudgets[1] with { CareFunction = "99" }] }), "9004");
        Add("9005-wlz-not-99", Base("E9005", "K-9005", "999990056").WithHeader(h => h with { Sender = "5501" }).WithBudget(b => b with { Law = Law.Wlz }), "9005");
        Add("9006-amount", Base("E9006", "K-9006", "999990056").WithBudget(b => b with { CareFunctionBudgets = [b.CareFunctionBudgets[0] with { AmountCents = 0, UnaccountableCents = null }] }), "9006");
        Add("9007-overlap", Base("E9007", "K-9007", "999990056").WithBudget(b => b with { CareFunctionBudgets = [b.CareFunctionBudgets[0], b.CareFunctionBudgets[0] with { AmountCents = 5000, UnaccountableCents = null }] }), "9007");
        Add("9008-rep-is-client", Base("E9008", "K-9008", "999990056").WithBudget(b => b with { Representatives = [b.Representatives[0] with { Bsn = "999990056" }] }), "9008");
        Add("9009-old-key-unknown", Base("E9009", "K-9009", "999990056").WithBudget(b => b with { PreviousBudgetKey = "K-NONE" }), "9009");
        Add("9010-key-of-other-holder", Base("E9010", "K-23", "999990056"), "9010");
        Add("D001-minor-without-post", Base("ED001", "K-D001", "999990056").WithClient(c => c with { BirthDate = Today.AddYears(-10) }).WithBudget(b => b with { Representatives = [b.Representatives[0] with { ReceivesCorrespondence = false }] }), "D001");
        Add("D002-minor-authorised", Base("ED002", "K-D002", "999990056").WithClient(c => c with { BirthDate = Today.AddYears(-10) }).WithBudget(b => b with { Representatives = [b.Representatives[0], b.Representatives[0] with { Bsn = "999990068", Role = "05" }] }), "D002");
        Add("9056-identity-reused", Base("V23", "K-OTHER", "999990056"), "9056");

        // 0001: a schema error with a readable header, and a file that is not XML at all.
        n++;
        var schemaError = Encoding.UTF8.GetString(Base("E0001", "K-0001", "999990056").Bytes()).Replace("<Wet>WMO</Wet>", "<Wet>ZVW</Wet>", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_in, $"{n:D2}-0001-schema.xml"), schemaError);
        expected[$"{n:D2}-0001-schema"] = ["0001"];
        n++;
        File.WriteAllText(Path.Combine(_in, $"{n:D2}-0001-not-xml.xml"), "geen xml");
        expected[$"{n:D2}-0001-not-xml"] = ["0001"];
        return expected;
    }

    private async Task<(long Grants, long Versions, long Holders, long Messages)> CountsAsync()
    {
        await using var connection = new NpgsqlConnection(_env["ConnectionStrings__OpenPgb"]);
        await connection.OpenAsync();
        async Task<long> Count(string table)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        return (await Count("Grants"), await Count("GrantVersions"), await Count("BudgetHolders"), await Count("IntakeMessages"));
    }
}
