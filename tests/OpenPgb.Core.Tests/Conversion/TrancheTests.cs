using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Common;
using OpenPgb.Core.Conversion;
using OpenPgb.Core.Data;
using OpenPgb.Core.Demo;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Ipgb;
using OpenPgb.Core.Ledger;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Conversion;

/// <summary>
/// A tranche walked the whole way on the demo generator's files: planned, compared (the planted differences, then
/// gone after the corrections), trial converted, frozen, converted (reconciled, ledger sound), live; a straggler's
/// later 501 gets 9011. The illegal steps throw, a tranche refuses what it cannot organise, and concurrent requests
/// cannot put one grantor in two tranches. On both providers the README names.
/// </summary>
public abstract class TrancheTests : IAsyncLifetime
{
    private const string Rotterdam = "0599";
    private const string DenHaag = "0518";
    private string _directory = null!;

    protected TestDatabase Db { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Db = await CreateDatabaseAsync();
        _directory = Directory.CreateTempSubdirectory("openpgb-tranche-").FullName;
        await using var scope = Db.Scope();
        var grantors = scope.ServiceProvider.GetRequiredService<GrantorService>();
        await grantors.AddAsync(Rotterdam, "Gemeente Rotterdam", GrantorKind.Municipality, null, CancellationToken.None);
        await grantors.AddAsync(DenHaag, "Gemeente 's-Gravenhage", GrantorKind.Municipality, null, CancellationToken.None);
        await grantors.AddAsync("0363", "Gemeente Amsterdam", GrantorKind.Municipality, new DateOnly(2026, 1, 1), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await Db.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task ATranche_WalksEveryStep_ToLive_AndAStragglerIsRefusedAfterwards()
    {
        var files = await Pgb1DemoExport.WriteAsync(DemoConversion.Options(Rotterdam, DemoConversion.ReferenceDate(Db.Clock.Today()), 6), Path.Combine(_directory, Rotterdam), CancellationToken.None);
        files.Stragglers.ShouldBe(1);
        await AddTrancheAsync("Tranche december", Rotterdam, DenHaag);
        (await StateAsync(Rotterdam)).ShouldBe(TrancheGrantorState.Planned);

        var imported = await ImportAsync(files.GrantsDirectory);
        imported.Rejected.ShouldBe(0, string.Join("; ", imported.Lines()));
        var first = await StepAsync(w => w.CompareAsync(Rotterdam, files.ExportDirectory, null, Out(), "test", CancellationToken.None));
        first.IsUnusable.ShouldBeFalse(string.Join("; ", first.Findings.Take(5).Select(f => $"{f.Kind} {f.Key}: {f.Message}")));
        first.Differences.Select(d => d.Kind).Order().ShouldBe(["ALLEEN_PGB1", "ALLEEN_VERSTREKKER", "BEDRAG", "PERIODE"]);
        (await StateAsync(Rotterdam)).ShouldBe(TrancheGrantorState.Compared);

        var corrections = await ImportAsync(files.CorrectionsDirectory!);
        corrections.Rejected.ShouldBe(0, string.Join("; ", corrections.Lines()));
        var second = await StepAsync(w => w.CompareAsync(Rotterdam, files.ExportDirectory, null, Out(), "test", CancellationToken.None));
        second.Differences.Select(d => d.Kind).ShouldBe(["ALLEEN_VERSTREKKER"]);
        second.TasksClosed.ShouldBe(3);

        await Should.ThrowAsync<IllegalTransitionException>(() => Tranches(t => t.FreezeAsync(Rotterdam, CancellationToken.None)));
        var trial = await StepAsync(w => w.TrialAsync(Rotterdam, files.ExportDirectory, Out(), "test", CancellationToken.None));
        trial.Summary.Status.ShouldBe(ConversionStatuses.Trial, string.Join("; ", trial.Findings.Select(f => f.Message)));
        (await StateAsync(Rotterdam)).ShouldBe(TrancheGrantorState.TrialConverted);
        await Tranches(t => t.FreezeAsync(Rotterdam, CancellationToken.None));

        await using (var scope = Db.Scope())
        {
            var early = () => scope.ServiceProvider.GetRequiredService<GrantorService>().GoLiveAsync(DenHaag, Db.Clock.Today().AddDays(1), CancellationToken.None);
            (await Should.ThrowAsync<GrantorException>(early)).Message.ShouldContain("nog niet geconverteerd");
        }

        var run = await StepAsync(w => w.RunAsync(Rotterdam, files.ExportDirectory, Out(), "test", CancellationToken.None));
        run.Summary.Status.ShouldBe(ConversionStatuses.Converted);
        run.Summary.Claims.ShouldBe(trial.Summary.Claims);
        run.Summary.Stragglers.ShouldBe(1);
        run.Reconciliation.ShouldAllBe(r => r.DifferenceCents == 0);
        (await StateAsync(Rotterdam)).ShouldBe(TrancheGrantorState.Converted);
        await using (var scope = Db.Scope())
        {
            (await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(CancellationToken.None)).ShouldBeEmpty();
            await scope.ServiceProvider.GetRequiredService<GrantorService>().GoLiveAsync(Rotterdam, Db.Clock.Today(), CancellationToken.None);
        }

        (await StateAsync(Rotterdam)).ShouldBe(TrancheGrantorState.Live);
        var board = (await Tranches(t => t.BoardAsync(CancellationToken.None))).ShouldHaveSingleItem();
        var row = board.Grantors.Single(g => g.Code == Rotterdam);
        row.OpenDifferences.ShouldBe(1);
        row.LastConversion!.Outcome.ShouldBe(ConversionStatuses.Converted);
        row.LastCompare!.Differences.ShouldBe(1);

        // The straggler's grantor now sends their 501 over the normal channel: 9011, nothing stored.
        var straggler = await StragglerBsnAsync();
        var message = Messages.Valid(identification: "STRAGGLER01", budgetKey: "K-STRAGGLER").WithHeader(h => h with { Sender = Rotterdam, DateSent = Db.Clock.Today() }).WithClient(c => c with { Bsn = straggler });
        (await Db.ReceiveAsync(message.Bytes())).Codes.ShouldBe([ReturnCodes.ClientStaysInPgb1]);
    }

    [Fact]
    public async Task EveryStep_IsRecorded_WithItsReports_ForTheBoardAndTheDownloads()
    {
        var files = await Pgb1DemoExport.WriteAsync(DemoConversion.Options(DenHaag, DemoConversion.ReferenceDate(Db.Clock.Today()), 5), Path.Combine(_directory, DenHaag), CancellationToken.None);
        await ImportAsync(files.GrantsDirectory);
        await StepAsync(w => w.CompareAsync(DenHaag, files.ExportDirectory, null, Out(), "test", CancellationToken.None));
        await StepAsync(w => w.TrialAsync(DenHaag, files.ExportDirectory, Out(), "test", CancellationToken.None));

        await using var scope = Db.Scope();
        var steps = await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().ConversionSteps.OrderBy(s => s.Id).ToListAsync();
        steps.Select(s => (s.Kind, s.Outcome)).ShouldBe([(ConversionStepKind.Compare, CompareOutcomes.Differences), (ConversionStepKind.Trial, ConversionStatuses.Refused)]);
        steps[0].Differences.ShouldBe(4);
        steps[1].BlockingFindings.ShouldBeGreaterThan(0);
        foreach (var step in steps)
        {
            step.Workbook[..2].ShouldBe("PK"u8.ToArray());
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(step.Files));
            zip.Entries.Select(e => e.Name).ShouldContain(step.Kind == ConversionStepKind.Compare ? "differences.csv" : "summary.json");
        }
    }

    [Fact]
    public async Task Add_RefusesWhatATrancheCannotOrganise()
    {
        await AddTrancheAsync("Tranche december", Rotterdam);

        async Task<string> Refused(string name, DateOnly freeze, params string[] codes) =>
            (await Should.ThrowAsync<TrancheException>(() => Tranches(t => t.AddAsync(name, freeze, codes, "test", CancellationToken.None)))).Message;

        var later = Db.Clock.Today().AddMonths(3);
        (await Refused("Tranche december", later, DenHaag)).ShouldContain("al een tranche met de naam");
        (await Refused("Tranche maart", later, Rotterdam)).ShouldContain("staat al in tranche 'Tranche december'");
        (await Refused("Tranche maart", later, "0363")).ShouldContain("al live");
        (await Refused("Tranche maart", later, "9999")).ShouldContain("bestaat niet");
        (await Refused("Tranche maart", Db.Clock.Today().AddDays(-1), DenHaag)).ShouldContain("verleden");
        (await Refused(" ", later, DenHaag)).ShouldContain("naam");
    }

    [Fact]
    public async Task Postpone_MovesAGrantorToALaterTranche_Only()
    {
        await AddTrancheAsync("Tranche december", Rotterdam, DenHaag);
        await using (var scope = Db.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<GrantorService>().AddAsync("0014", "Gemeente Groningen", GrantorKind.Municipality, null, CancellationToken.None);
        }

        var later = await Tranches(t => t.AddAsync("Tranche maart", Db.Clock.Today().AddMonths(4), ["0014"], "test", CancellationToken.None));
        await Tranches(t => t.PostponeAsync(DenHaag, later.Id, CancellationToken.None));

        var board = await Tranches(t => t.BoardAsync(CancellationToken.None));
        board.Single(t => t.Name == "Tranche december").Grantors.Single(g => g.Code == DenHaag).State.ShouldBe(TrancheGrantorState.Postponed);
        board.Single(t => t.Name == "Tranche maart").Grantors.Single(g => g.Code == DenHaag).State.ShouldBe(TrancheGrantorState.Planned);
        var back = await Should.ThrowAsync<TrancheException>(() => Tranches(t => t.PostponeAsync(Rotterdam, board.Single(b => b.Name == "Tranche december").Id, CancellationToken.None)));
        back.Message.ShouldContain("latere tranche");
    }

    [Fact]
    public async Task ConcurrentRequests_PutAGrantorInOneTrancheOnly()
    {
        var freeze = Db.Clock.Today().AddMonths(1);
        var attempts = await Task.WhenAll(Enumerable.Range(1, 12).Select(async i =>
        {
            try
            {
                await Tranches(t => t.AddAsync($"Tranche {i}", freeze, [Rotterdam], "test", CancellationToken.None));
                return true;
            }
            catch (TrancheException)
            {
                return false;
            }
        }));

        attempts.Count(ok => ok).ShouldBe(1);
        await using var scope = Db.Scope();
        (await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().TrancheGrantors.CountAsync()).ShouldBe(1);
    }

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    private Task<Tranche> AddTrancheAsync(string name, params string[] codes) =>
        Tranches(t => t.AddAsync(name, Db.Clock.Today().AddDays(7), codes, "test", CancellationToken.None));

    private async Task<T> Tranches<T>(Func<TrancheService, Task<T>> action)
    {
        await using var scope = Db.Scope();
        return await action(scope.ServiceProvider.GetRequiredService<TrancheService>());
    }

    private async Task Tranches(Func<TrancheService, Task> action)
    {
        await using var scope = Db.Scope();
        await action(scope.ServiceProvider.GetRequiredService<TrancheService>());
    }

    private async Task<T> StepAsync<T>(Func<ConversionWorkflow, Task<T>> step)
    {
        await using var scope = Db.Scope();
        return await step(scope.ServiceProvider.GetRequiredService<ConversionWorkflow>());
    }

    private async Task<ImportSummary> ImportAsync(string directory)
    {
        await using var scope = Db.Scope();
        return await scope.ServiceProvider.GetRequiredService<MessageFileImporter>()
            .ImportAsync(MessageFileImporter.EnumerateMessageFiles([directory]), null, MessageChannel.Conversion, null, CancellationToken.None);
    }

    private async Task<TrancheGrantorState> StateAsync(string code)
    {
        await using var scope = Db.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        return await db.TrancheGrantors.Where(t => t.State != TrancheGrantorState.Postponed && db.Grantors.Any(g => g.Id == t.GrantorId && g.Code == code)).Select(t => t.State).SingleAsync();
    }

    private async Task<string> StragglerBsnAsync()
    {
        await using var scope = Db.Scope();
        return await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().Stragglers.Select(s => s.Bsn).SingleAsync();
    }

    private string Out() => Path.Combine(_directory, "out-" + Guid.NewGuid().ToString("N"));
}

public sealed class SqliteTrancheTests : TrancheTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateSqliteAsync();
}

public sealed class PostgresTrancheTests : TrancheTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync();
}
