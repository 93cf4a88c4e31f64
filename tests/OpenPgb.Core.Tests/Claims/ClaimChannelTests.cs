using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Data;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Claims;

/// <summary>Claims that do not come from the portal form: the provider's CSV upload and the fixed monthly job.</summary>
public sealed class ClaimChannelTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private AgreementWorld _world = null!;
    private long _agreement;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _world = await AgreementWorld.CreateAsync(_db);
        _agreement = await _world.ApprovedAsync();
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Upload_EveryRowAcceptedOrRefusedWithItsReason_TheSameFileTwiceChangesNothing()
    {
        var csv = Encoding.UTF8.GetBytes($"""
            overeenkomst;soort;zorgfunctie;begindatum;einddatum;eenheden;bedrag;factuurnummer;factuurdatum
            ZOK-{_agreement};zorg;02;2026-10-01;2026-10-31;12,5;;CSV-1;01-11-2026
            {_agreement};zorg;02;2026-09-01;2026-09-30;10;;CSV-2;2026-11-01
            {_agreement};zorg;02;2026-10-15;2026-10-20;3;;CSV-3;2026-11-01
            {_agreement};zorg;03;2026-08-01;2026-08-31;3;;CSV-4;2026-11-01
            {_agreement};zorg;02;2026-07-01;2026-07-31;veel;;CSV-5;2026-11-01
            999999;zorg;02;2026-07-01;2026-07-31;1;;CSV-6;2026-11-01
            {_agreement};zorg;02;2026-06-01;2026-06-30;1;;CSV-1;2026-11-01
            """);

        var result = await UploadAsync(csv);

        result.AlreadyUploaded.ShouldBeFalse();
        result.Rows.Count.ShouldBe(7);
        result.Rows.Where(r => r.Accepted).Select(r => r.InvoiceNumber).ShouldBe(["CSV-1", "CSV-2"]);
        result.Rows.Single(r => r.Line == 4).Message.ShouldContain("al een declaratie");
        result.Rows.Single(r => r.Line == 5).Message.ShouldContain("Zorgfunctie 03 staat niet in de zorgovereenkomst");
        result.Rows.Single(r => r.Line == 6).Message.ShouldContain("geen getal");
        result.Rows.Single(r => r.Line == 7).Message.ShouldContain("niet met u gesloten");
        result.Rows.Single(r => r.Line == 8).Message.ShouldContain("al eerder gedeclareerd");
        (await ClaimsAsync()).Count.ShouldBe(2);
        (await ClaimsAsync()).ShouldAllBe(c => c.Channel == ClaimChannel.CsvUpload);

        var again = await UploadAsync(csv);
        again.AlreadyUploaded.ShouldBeTrue();
        (await ClaimsAsync()).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Upload_WithAStrayQuote_RefusesOnlyThatLine_AndReadsTheRest()
    {
        var csv = Encoding.UTF8.GetBytes($""""
            overeenkomst;soort;zorgfunctie;begindatum;einddatum;eenheden;bedrag;factuurnummer;factuurdatum
            {_agreement};zorg;02;2026-10-01;2026-10-01;2;;"Q-1;2026-11-01
            {_agreement};zorg;02;2026-10-02;2026-10-02;2;;Q-2;2026-11-01
            {_agreement};zorg;02;2026-10-03;2026-10-03;2;;"Q-3";2026-11-01

            {_agreement};zorg;02;2026-10-04;2026-10-04;2;;"Q ""4""";2026-11-01
            """");

        var result = await UploadAsync(csv);

        result.Rows.Count.ShouldBe(4);
        result.Rows.Single(r => r.Line == 2).Message.ShouldContain("aanhalingsteken");
        result.Rows.Where(r => r.Accepted).Select(r => r.InvoiceNumber).ShouldBe(["Q-2", "Q-3", "Q \"4\""]);
        result.Rows.Single(r => r.InvoiceNumber == "Q-3").Line.ShouldBe(4);
        result.Rows[^1].Line.ShouldBe(6);
    }

    [Fact]
    public async Task Upload_WithoutTheRequiredColumns_SaysWhichAreMissing()
    {
        var result = await UploadAsync(Encoding.UTF8.GetBytes("overeenkomst;eenheden\n1;2\n"));

        result.Rows.Single().Message.ShouldContain("Kolommen ontbreken: zorgfunctie, begindatum, einddatum, factuurnummer, factuurdatum");
    }

    [Fact]
    public async Task FixedMonthly_OneClaimPerAgreementAndMonth_HoweverOftenTheJobRuns()
    {
        var fixedMonthly = await _world.ApprovedAsync(AgreementWorld.Terms() with { TariffUnit = TariffUnit.Month, FixedMonthlyCents = 40_000, StartDate = new DateOnly(2026, 4, 15) });

        var first = await RunMonthlyAsync(new DateOnly(2026, 10, 1));
        var again = await RunMonthlyAsync(new DateOnly(2026, 10, 17));
        var april = await RunMonthlyAsync(new DateOnly(2026, 4, 1));

        first.ShouldBe((1, 0));
        again.ShouldBe((0, 0));
        april.ShouldBe((1, 0));
        var claims = await ClaimsAsync();
        claims.Count.ShouldBe(2);
        claims.ShouldAllBe(c => c.CareAgreementId == fixedMonthly && c.Kind == ClaimKind.FixedMonthly && c.AmountCents == 40_000 && c.Status == ClaimStatus.Submitted);
        claims.Single(c => c.PeriodStart.Month == 4).PeriodStart.ShouldBe(new DateOnly(2026, 4, 15));
        claims.Single(c => c.PeriodStart.Month == 10).PeriodEnd.ShouldBe(new DateOnly(2026, 10, 31));
    }

    [Fact]
    public async Task QueuedUpload_ThatWasRunningWhenItsNodeStopped_ResumesAfterTheSavedRows()
    {
        var csv = Encoding.UTF8.GetBytes($"""
            overeenkomst;zorgfunctie;begindatum;einddatum;eenheden;factuurnummer;factuurdatum
            {_agreement};02;2026-10-01;2026-10-31;5;RES-1;2026-11-01
            {_agreement};02;2026-09-01;2026-09-30;5;RES-2;2026-11-01
            """);
        long id;
        await using (var scope = _world.ScopeOf(_world.ProviderUser))
        {
            var (upload, already) = await scope.ServiceProvider.GetRequiredService<ClaimUploadService>().QueueAsync(_world.ProviderUser, "hervat.csv", csv, CancellationToken.None);
            already.ShouldBeFalse();
            upload.Status.ShouldBe(ClaimUploadStatus.Queued);
            id = upload.Id;
        }

        // The node took it, saved the first row's result, and died before the second.
        await using (var scope = _db.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
            var upload = await db.Set<ClaimUpload>().SingleAsync(u => u.Id == id);
            upload.Start(2);
            upload.Record([new UploadRow(2, "RES-1", false, "Eerder verwerkt.")]);
            await db.SaveChangesAsync();
        }

        await using (var scope = _db.Scope())
        {
            (await scope.ServiceProvider.GetRequiredService<ClaimUploadRunner>().RunNextAsync(CancellationToken.None)).ShouldBeTrue();
            (await scope.ServiceProvider.GetRequiredService<ClaimUploadRunner>().RunNextAsync(CancellationToken.None)).ShouldBeFalse("nothing left");
        }

        (await ClaimsAsync()).Select(c => c.InvoiceNumber).ShouldBe(["RES-2"], "the saved row is not submitted again");
        await using (var scope = _db.Scope())
        {
            var upload = await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().Set<ClaimUpload>().AsNoTracking().SingleAsync(u => u.Id == id);
            upload.Status.ShouldBe(ClaimUploadStatus.Done);
            upload.Content.ShouldBeNull("the file is dropped once done");
            upload.Results.Select(r => r.InvoiceNumber).ShouldBe(["RES-1", "RES-2"]);
            (upload.Rows, upload.Accepted, upload.TotalRows).ShouldBe((2, 1, 2));
        }
    }

    [Fact]
    public async Task FinishedUpload_CannotBeStartedAgain_AndOnlyAFailedOneIsQueuedAgain()
    {
        var upload = ClaimUpload.Queue(1, "x.csv", "hash", "user", "Naam", [1], DateTimeOffset.UnixEpoch);
        upload.Start(0);
        upload.Record([]);
        upload.Finish(DateTimeOffset.UnixEpoch);

        Should.Throw<Common.IllegalTransitionException>(() => upload.Start(0));
        Should.Throw<Common.IllegalTransitionException>(() => upload.Requeue("user", "Naam", [1], DateTimeOffset.UnixEpoch));
        Should.Throw<Common.IllegalTransitionException>(() => upload.Fail("reden", DateTimeOffset.UnixEpoch));

        var failed = ClaimUpload.Queue(1, "y.csv", "hash2", "user", "Naam", [1], DateTimeOffset.UnixEpoch);
        failed.Fail("stuk", DateTimeOffset.UnixEpoch);
        failed.Requeue("other", "Ander", [2], DateTimeOffset.UnixEpoch);
        failed.Status.ShouldBe(ClaimUploadStatus.Queued);
        failed.Failure.ShouldBeNull();
    }

    private async Task<UploadResult> UploadAsync(byte[] csv)
    {
        await using var scope = _world.ScopeOf(_world.ProviderUser);
        return await scope.ServiceProvider.GetRequiredService<ClaimUploadService>().UploadAsync(_world.ProviderUser, "declaraties.csv", csv, CancellationToken.None);
    }

    private async Task<(int, int)> RunMonthlyAsync(DateOnly month)
    {
        await using var scope = _db.Scope();
        return await scope.ServiceProvider.GetRequiredService<FixedMonthlyClaims>().CreateForMonthAsync(month, CancellationToken.None);
    }

    private async Task<List<Claim>> ClaimsAsync()
    {
        await using var scope = _db.Scope();
        return await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().Claims.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
    }
}
