using System.Text;
using OpenPgb.Core.Conversion;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ipgb;
using OpenPgb.Core.Parties;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Conversion;

/// <summary>Comparing the export with the grantor's 501s (CONVERSION.md, compare): each kind of difference, stragglers left out, the latest 501 counting.</summary>
public sealed class Pgb1ComparisonTests : IAsyncLifetime
{
    private Pgb1ReadResult _read = null!;
    private Pgb1Export _export = null!;
    private string _directory = null!;

    public async ValueTask InitializeAsync()
    {
        _directory = new Pgb1ExportFiles().Write();
        _read = await Pgb1ExportReader.ReadAsync(_directory, Pgb1ExportFiles.Grantor, CancellationToken.None);
        _export = _read.Export!;
    }

    public ValueTask DisposeAsync()
    {
        _read.Dispose();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public void MatchingGrants_GiveNoDifferences_AndAStragglersGrantIsNotCompared()
    {
        var straggler = Matching().WithClient(c => c with { Bsn = "999990019" }).WithBudget(b => b with { BudgetKey = "B-9", CareFunctionBudgets = [Budget("07", 5)] });

        Pgb1Comparison.Differences(_export, [Matching(), straggler]).ShouldBeEmpty();
    }

    [Fact]
    public void OtherAmount_IsBedrag_OtherDates_IsPeriode()
    {
        var message = Matching().WithBudget(b => b with
        {
            CareFunctionBudgets = [Budget("02", 1_200_000) with { EndDate = new DateOnly(2026, 6, 30) }, Budget("03", 650_000)],
        });

        Pgb1Comparison.Differences(_export, [message]).ShouldBe(
        [
            new(DifferenceKinds.Period, "111222333", "B-1", "02", "2026-01-01 t/m 2026-12-31", "2026-01-01 t/m 2026-06-30"),
            new(DifferenceKinds.Amount, "111222333", "B-1", "03", "600000", "650000"),
        ]);
    }

    [Fact]
    public void CareFunctionOnOneSideOnly_IsAlleenPgb1OrAlleenVerstrekker_AndTheHoldersSetDiffers()
    {
        var message = Matching().WithBudget(b => b with { CareFunctionBudgets = [Budget("02", 1_200_000), Budget("04", 90_000)] });

        Pgb1Comparison.Differences(_export, [message]).Select(d => (d.Kind, d.BudgetKey, d.Field, d.Pgb1Value, d.GrantorValue)).ShouldBe(
        [
            (DifferenceKinds.CareFunctions, "", "zorgfuncties", "02,03", "02,04"),
            (DifferenceKinds.OnlyInPgb1, "B-1", "03", "2026-01-01 t/m 2026-12-31, 600000 cent", ""),
            (DifferenceKinds.OnlyAtGrantor, "B-1", "04", "", "2026-01-01 t/m 2026-12-31, 90000 cent"),
        ]);
    }

    [Fact]
    public void HolderWithoutAny501_HasEachBudgetOnlyInPgb1()
    {
        Pgb1Comparison.Differences(_export, []).Select(d => (d.Kind, d.Field)).ShouldBe([(DifferenceKinds.OnlyInPgb1, "02"), (DifferenceKinds.OnlyInPgb1, "03")]);
    }

    [Fact]
    public void RepresentativeWithOtherRights_IsVertegenwoordiger()
    {
        var message = Matching().WithBudget(b => b with { Representatives = [b.Representatives[0] with { Rights = RepresentativeRights.Read }] });

        var difference = Pgb1Comparison.Differences(_export, [message]).ShouldHaveSingleItem();

        difference.ShouldBe(new(DifferenceKinds.Representative, "111222333", "", "vertegenwoordiger 123456782", "rol 02, rechten S, correspondentie J", "rol 02, rechten L, correspondentie J"));
    }

    [Fact]
    public void TheLatest501OfABudget_Counts()
    {
        var older = Matching().WithHeader(h => h with { Identification = "TKB000000001", DateSent = new DateOnly(2026, 1, 5) })
            .WithBudget(b => b with { CareFunctionBudgets = [Budget("02", 900_000), Budget("03", 600_000)] });
        var newer = Matching().WithHeader(h => h with { Identification = "TKB000000002", DateSent = new DateOnly(2026, 2, 5) });

        Pgb1Comparison.Differences(_export, [newer, older]).ShouldBeEmpty();
    }

    [Fact]
    public async Task DifferencesCsv_IsWrittenToTheContract()
    {
        using var stream = new MemoryStream();

        await DifferencesCsv.WriteAsync(stream, [new(DifferenceKinds.Amount, "111222333", "B-1", "03", "600000", "650000")], CancellationToken.None);

        Encoding.UTF8.GetString(stream.ToArray()).ShouldBe("soort;bsn;budgetidentificatie;veld;pgb1;verstrekker\nBEDRAG;111222333;B-1;03;600000;650000\n");
    }

    [Fact]
    public async Task DifferencesWorkbook_HoldsEveryDifference_WithItsExplanation()
    {
        var message = Matching().WithBudget(b => b with { CareFunctionBudgets = [Budget("02", 1_200_000), Budget("04", 90_000)] });
        var differences = Pgb1Comparison.Differences(_export, [message]);
        using var stream = new MemoryStream();

        await DifferencesWorkbook.WriteAsync(stream, differences, CancellationToken.None);

        stream.Position = 0;
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: DifferencesWorkbook.SheetName).Cast<IDictionary<string, object>>().ToList();
        rows.Select(r => (string)r["soort"]).ShouldBe(differences.Select(d => d.Kind));
        rows.Select(r => (string)r["veld"]).ShouldBe(differences.Select(d => d.Field));
        rows[0]["uitleg"].ShouldBe(DifferencesWorkbook.Explain(DifferenceKinds.CareFunctions));
        rows[0].Keys.ShouldBe(["soort", "uitleg", "bsn", "budgetidentificatie", "veld", "pgb1", "verstrekker"]);
    }

    private static CareFunctionBudgetRecord Budget(string code, long cents) => new(code, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), cents, null);

    /// <summary>The grantor's 501 for the export's one converted budget holder, agreeing with it in everything.</summary>
    private static Message501 Matching() =>
        Messages.Valid(budgetKey: "B-1")
            .WithClient(c => c with { Bsn = "111222333" })
            .WithBudget(b => b with
            {
                CareFunctionBudgets = [Budget("02", 1_200_000), Budget("03", 600_000)],
                Representatives = [new RepresentativeRecord("02", "123456782", new DateOnly(1978, 5, 1), new PersonName("Vries", null, "P"), RepresentativeRights.ReadWrite, true)],
            });
}
