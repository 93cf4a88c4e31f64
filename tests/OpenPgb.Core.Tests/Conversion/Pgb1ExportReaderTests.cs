using System.Text;
using OpenPgb.Core.Conversion;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Conversion;

/// <summary>
/// The PGB1 export as CONVERSION.md defines it: a sound export is read whole; every blocking finding of the contract
/// is found in a small hand-made export with exactly that one thing wrong, with its kind and the key of the record.
/// </summary>
public sealed class Pgb1ExportReaderTests : IDisposable
{
    private readonly List<string> _directories = [];
    private readonly List<Pgb1ReadResult> _results = [];

    public void Dispose()
    {
        foreach (var result in _results)
        {
            result.Dispose();
        }

        foreach (var directory in _directories)
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task SoundExport_IsReadWhole_WithoutFindings()
    {
        var result = await ReadAsync(new Pgb1ExportFiles());

        result.Findings.ShouldBeEmpty();
        var export = result.Export.ShouldNotBeNull();
        export.GrantorCode.ShouldBe("0363");
        export.ReferenceDate.ShouldBe(new DateOnly(2026, 3, 31));
        export.BudgetHolders.Count.ShouldBe(2);
        export.BudgetHolders.Single(h => h.StaysInPgb1).Reason.ShouldBe(StragglerReason.Wlz);
        export.Representatives.Single().CanWrite.ShouldBeTrue();
        export.Budgets.Sum(b => b.AmountCents).ShouldBe(4_800_000);
        export.Agreements.Single(a => a.Number == "OV-2").FixedMonthlyCents.ShouldBe(40_000);
        export.Claims.Single(c => c.Number == "D-1").Units.ShouldBe(10.5m);
        export.Claims.Select(c => c.Status).ShouldBe([Pgb1ClaimStatus.Paid, Pgb1ClaimStatus.Paid, Pgb1ClaimStatus.Approved, Pgb1ClaimStatus.Submitted, Pgb1ClaimStatus.Rejected]);
        export.Payments.Count.ShouldBe(2);
    }

    [Fact]
    public async Task ByteOrderMark_AndTrailingEmptyLines_AreAllowed()
    {
        var files = new Pgb1ExportFiles();
        files.Bytes[Pgb1ExportReader.ClaimsFile] = bytes => [.. Encoding.UTF8.GetPreamble(), .. bytes, .. "\n\n\r\n"u8.ToArray()];
        files.Bytes[Pgb1ExportReader.BudgetsFile] = bytes => [.. Encoding.UTF8.GetPreamble(), .. bytes];

        var result = await ReadAsync(files);

        result.Findings.ShouldBeEmpty();
        result.Export!.Claims.Count.ShouldBe(5);
    }

    public static TheoryData<string> BlockingCases() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(BlockingCases))]
    public async Task EachBlockingFinding_IsFound_WithItsKindAndKey(string name)
    {
        var (change, kind, key) = Cases[name];
        var files = new Pgb1ExportFiles();
        change(files);

        var result = await ReadAsync(files);

        result.HasBlockingFindings.ShouldBeTrue("an export with a blocking finding is never applied");
        result.Findings.ShouldContain(f => f.Severity == FindingSeverity.Blocking && f.Kind == kind && f.Key == key, string.Join(Environment.NewLine, result.Findings));
        result.Findings.ShouldAllBe(f => f.Message.Length > 0);
    }

    [Fact]
    public async Task ManyBadRows_AreListedUpToTheLimit_AndTheRestIsCounted()
    {
        var files = new Pgb1ExportFiles();
        files.Rows[Pgb1ExportReader.ClaimsFile].AddRange(Enumerable.Range(10, 1_500).Select(i => $"D-{i};OV-1;02;2026-03-01;2026-03-31;1;5000;XXX;F-{i};2026-04-01"));

        var result = await ReadAsync(files);

        result.Export.ShouldBeNull();
        result.Findings.Count(f => f.Kind == FindingKinds.Field && f.Key.StartsWith($"{Pgb1ExportReader.ClaimsFile}:", StringComparison.Ordinal)).ShouldBe(Pgb1ExportReader.MaxListedPerFile);
        result.Findings.ShouldContain(f => f.Key == Pgb1ExportReader.ClaimsFile && f.Message.StartsWith("En nog 500 regels", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ManyFindingsOfOneCheck_AreListedUpToTheLimit_AndTheRestIsCounted()
    {
        var files = new Pgb1ExportFiles();
        files.Rows[Pgb1ExportReader.PaymentsFile].AddRange(Enumerable.Range(10, 1_200).Select(i => $"P-{i};D-X{i};2026-02-10;100;NL91ABNA0417164300;PGB1-{i}"));

        var result = await ReadAsync(files);

        result.Findings.Count(f => f.Kind == FindingKinds.UnknownReference).ShouldBe(Pgb1ExportReader.MaxListedPerFile + 1);
        result.Findings.ShouldContain(f => f.Key == Pgb1ExportReader.PaymentsFile && f.Message.StartsWith("En nog 200 bevindingen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheWorkspace_HoldsTheLargeFiles_AndIsGoneWhenTheResultIsDisposed()
    {
        var directory = Track(new Pgb1ExportFiles().Write());
        var result = await Pgb1ExportReader.ReadAsync(directory, Pgb1ExportFiles.Grantor, CancellationToken.None);
        var workspace = result.Export!.Workspace.FilePath;
        File.Exists(workspace).ShouldBeTrue();

        result.Export.Claims.Count.ShouldBe(5);
        result.Export.Claims.Select(c => c.Line.Number).ShouldBe([2, 3, 4, 5, 6], "the claims come back in file order, each time they are read");
        result.Dispose();

        File.Exists(workspace).ShouldBeFalse();
    }

    [Fact]
    public async Task MissingFile_IsNamed()
    {
        var directory = Track(new Pgb1ExportFiles().Write());
        File.Delete(Path.Combine(directory, Pgb1ExportReader.PaymentsFile));

        using var result = await Pgb1ExportReader.ReadAsync(directory, Pgb1ExportFiles.Grantor, CancellationToken.None);

        result.Findings.ShouldContain(f => f.Kind == FindingKinds.File && f.Key == Pgb1ExportReader.PaymentsFile);
    }

    [Fact]
    public async Task Findings_NeverQuoteABsn()
    {
        var files = new Pgb1ExportFiles();
        files.Rows[Pgb1ExportReader.BudgetHoldersFile][0] = "111222334;Vries;J.;1980-04-01;N;";

        var result = await ReadAsync(files);

        result.Findings.ShouldNotBeEmpty();
        result.Findings.ShouldAllBe(f => !f.Message.Contains("111222334") && !f.Key.Contains("111222334"));
    }

    [Fact]
    public async Task FindingsCsv_IsWrittenToTheContract()
    {
        using var stream = new MemoryStream();

        await FindingsCsv.WriteAsync(
            stream,
            [ConversionFinding.Blocking(FindingKinds.Payment, "betalingen.csv:2", "De betaling; niet het bedrag."), ConversionFinding.Warning(FindingKinds.Iban, "ZV-1", "Ander IBAN.")],
            CancellationToken.None);

        Encoding.UTF8.GetString(stream.ToArray()).ShouldBe(
            "ernst;soort;sleutel;melding\nBLOKKEREND;BETALING;betalingen.csv:2;De betaling, niet het bedrag.\nWAARSCHUWING;IBAN;ZV-1;Ander IBAN.\n");
    }

    // Each case: what to break, the kind of finding, and its key (file:line, or the file).
    private static readonly Dictionary<string, (Action<Pgb1ExportFiles> Change, string Kind, string Key)> Cases = new(StringComparer.Ordinal)
    {
        ["manifest row count differs"] = (f => f.ManifestRows = ManifestWith(f, Pgb1ExportReader.ClaimsFile, rows: "4"), FindingKinds.Manifest, Pgb1ExportReader.ClaimsFile),
        ["manifest control total differs"] = (f => f.ManifestRows = ManifestWith(f, Pgb1ExportReader.BudgetsFile, total: "4800001"), FindingKinds.Manifest, Pgb1ExportReader.BudgetsFile),
        ["file cut short after the manifest was made"] = (f => f.Damage[Pgb1ExportReader.ClaimsFile] = b => b[..^40], FindingKinds.Manifest, Pgb1ExportReader.ClaimsFile),
        ["file changed after the manifest was made"] = (f => f.Damage[Pgb1ExportReader.ProvidersFile] = b => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(b).Replace("Zorg Thuis", "Zorg Thuus", StringComparison.Ordinal)), FindingKinds.Manifest, Pgb1ExportReader.ProvidersFile),
        ["manifest misses a file"] = (f => f.ManifestRows = [.. Manifest(f).Where(r => !r.StartsWith(Pgb1ExportReader.PaymentsFile, StringComparison.Ordinal))], FindingKinds.Manifest, Pgb1ExportReader.ManifestFile),
        ["Windows-1252 bytes"] = (f => f.Bytes[Pgb1ExportReader.ProvidersFile] = b => Encoding.Latin1.GetBytes(Encoding.UTF8.GetString(b).Replace("P. Jansen", "P. Janssén", StringComparison.Ordinal)), FindingKinds.Encoding, "zorgverleners.csv:3"),
        ["unknown format version"] = (f => f.ExportRow = "2;0363;2026-03-31", FindingKinds.FormatVersion, Pgb1ExportReader.ExportFile),
        ["another grantor's export"] = (f => f.ExportRow = "1;0344;2026-03-31", FindingKinds.OtherGrantor, Pgb1ExportReader.ExportFile),
        ["wrong header"] = (f => f.Headers[Pgb1ExportReader.ClaimsFile] = Pgb1ExportReader.Headers[Pgb1ExportReader.ClaimsFile].Replace("eenheden", "aantal", StringComparison.Ordinal), FindingKinds.Header, "declaraties.csv:1"),
        ["a row with a column too many"] = (f => f.Rows[Pgb1ExportReader.PaymentsFile][1] += ";extra", FindingKinds.Columns, "betalingen.csv:3"),
        ["an empty line in the middle"] = (f => f.Rows[Pgb1ExportReader.ClaimsFile].Insert(2, string.Empty), FindingKinds.Columns, "declaraties.csv:4"),
        ["a date that is no date"] = (f => f.Rows[Pgb1ExportReader.ClaimsFile][0] = f.Rows[Pgb1ExportReader.ClaimsFile][0].Replace("2026-01-31", "31-01-2026", StringComparison.Ordinal), FindingKinds.Field, "declaraties.csv:2"),
        ["units with three decimals"] = (f => f.Rows[Pgb1ExportReader.ClaimsFile][0] = f.Rows[Pgb1ExportReader.ClaimsFile][0].Replace(";10.5;", ";10.555;", StringComparison.Ordinal), FindingKinds.Field, "declaraties.csv:2"),
        ["units with a comma"] = (f => f.Rows[Pgb1ExportReader.ClaimsFile][0] = f.Rows[Pgb1ExportReader.ClaimsFile][0].Replace(";10.5;", ";10,5;", StringComparison.Ordinal), FindingKinds.Field, "declaraties.csv:2"),
        ["an unknown claim status"] = (f => f.Rows[Pgb1ExportReader.ClaimsFile][4] = f.Rows[Pgb1ExportReader.ClaimsFile][4].Replace(";AFG;", ";XYZ;", StringComparison.Ordinal), FindingKinds.Field, "declaraties.csv:6"),
        ["a tariff and a fixed monthly amount"] = (f => f.Rows[Pgb1ExportReader.AgreementsFile][0] = "OV-1;111222333;B-1;ZV-1;O;02,03;2026-01-01;2026-12-31;UUR;5000;100;G", FindingKinds.Field, "zorgovereenkomsten.csv:2"),
        ["a straggler without a reason"] = (f => f.Rows[Pgb1ExportReader.BudgetHoldersFile][1] = "999990019;Bakker;A.;1975-09-12;J;", FindingKinds.Field, "budgethouders.csv:3"),
        ["a duplicate claim"] = (f => f.Rows[Pgb1ExportReader.ClaimsFile][4] = f.Rows[Pgb1ExportReader.ClaimsFile][4].Replace("D-5;", "D-4;", StringComparison.Ordinal), FindingKinds.DuplicateKey, "declaraties.csv:6"),
        ["a duplicate care-function budget"] = (f => f.Rows[Pgb1ExportReader.BudgetsFile][1] = "B-1;111222333;02;2026-01-01;2026-12-31;600000", FindingKinds.DuplicateKey, "budgetten.csv:3"),
        ["a claim of an unknown agreement"] = (f => f.Rows[Pgb1ExportReader.ClaimsFile][4] = f.Rows[Pgb1ExportReader.ClaimsFile][4].Replace(";OV-1;", ";OV-7;", StringComparison.Ordinal), FindingKinds.UnknownReference, "declaraties.csv:6"),
        ["an agreement of an unknown provider"] = (f => f.Rows[Pgb1ExportReader.AgreementsFile][0] = f.Rows[Pgb1ExportReader.AgreementsFile][0].Replace(";ZV-1;", ";ZV-9;", StringComparison.Ordinal), FindingKinds.UnknownReference, "zorgovereenkomsten.csv:2"),
        ["an agreement on another holder's grant"] = (f => f.Rows[Pgb1ExportReader.AgreementsFile][0] = f.Rows[Pgb1ExportReader.AgreementsFile][0].Replace(";B-1;", ";B-9;", StringComparison.Ordinal), FindingKinds.UnknownReference, "zorgovereenkomsten.csv:2"),
        ["an agreement of an unknown budget holder"] = (f => f.Rows[Pgb1ExportReader.AgreementsFile][1] = f.Rows[Pgb1ExportReader.AgreementsFile][1].Replace(";111222333;", ";123456782;", StringComparison.Ordinal), FindingKinds.UnknownReference, "zorgovereenkomsten.csv:3"),
        ["a payment of an unknown claim"] = (f => f.Rows[Pgb1ExportReader.PaymentsFile].Add("P-3;D-9;2026-02-10;100;NL91ABNA0417164300;PGB1-0003"), FindingKinds.UnknownReference, "betalingen.csv:4"),
        ["a BSN failing the elfproef"] = (f => f.Rows[Pgb1ExportReader.RepresentativesFile][0] = "111222333;123456783;Vries;P.;02;S;J", FindingKinds.Bsn, "vertegenwoordigers.csv:2"),
        ["an IBAN failing mod-97"] = (f => f.Rows[Pgb1ExportReader.ProvidersFile][1] = "ZV-2;P;P. Jansen;;;NL21INGB0001234567", FindingKinds.Iban, "zorgverleners.csv:3"),
        ["a claim outside its agreement's care functions"] = (f => f.Rows[Pgb1ExportReader.ClaimsFile][1] = f.Rows[Pgb1ExportReader.ClaimsFile][1].Replace("D-2;OV-2;02;", "D-2;OV-2;03;", StringComparison.Ordinal), FindingKinds.CareFunction, "declaraties.csv:3"),
        ["a paid claim without its payment"] = (f => f.Rows[Pgb1ExportReader.PaymentsFile].RemoveAt(1), FindingKinds.Payment, "declaraties.csv:3"),
        ["a paid claim with two payments"] = (f => f.Rows[Pgb1ExportReader.PaymentsFile].Add("P-3;D-1;2026-02-11;52500;NL91ABNA0417164300;PGB1-0003"), FindingKinds.Payment, "declaraties.csv:2"),
        ["a payment of another amount"] = (f => f.Rows[Pgb1ExportReader.PaymentsFile][0] = "P-1;D-1;2026-02-10;52400;NL91ABNA0417164300;PGB1-0001", FindingKinds.Payment, "betalingen.csv:2"),
        ["a payment of an unpaid claim"] = (f => f.Rows[Pgb1ExportReader.PaymentsFile].Add("P-3;D-3;2026-03-10;20000;NL91ABNA0417164300;PGB1-0003"), FindingKinds.Payment, "betalingen.csv:4"),
    };

    private static List<string> Manifest(Pgb1ExportFiles files)
    {
        var directory = files.Write();
        try
        {
            return [.. File.ReadAllLines(Path.Combine(directory, Pgb1ExportReader.ManifestFile)).Skip(1)];
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static List<string> ManifestWith(Pgb1ExportFiles files, string file, string? rows = null, string? total = null) =>
        [.. Manifest(files).Select(r =>
        {
            var f = r.Split(';');
            return f[0] == file ? string.Join(';', f[0], rows ?? f[1], total ?? f[2], f[3]) : r;
        })];

    private async Task<Pgb1ReadResult> ReadAsync(Pgb1ExportFiles files)
    {
        var result = await Pgb1ExportReader.ReadAsync(Track(files.Write()), Pgb1ExportFiles.Grantor, CancellationToken.None);
        _results.Add(result);
        return result;
    }

    private string Track(string directory)
    {
        _directories.Add(directory);
        return directory;
    }
}
