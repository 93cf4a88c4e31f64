using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.CareProviders;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Ledger;
using OpenPgb.Core.Payments;
using OpenPgb.Core.WorkTasks;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Payments;

/// <summary>
/// One payee SEPA cannot carry never stops money: it is refused at registration; where such a name exists anyway
/// (older data, a conversion) its claims are held with a work task and everyone else is paid; the correction releases
/// them; a booked run whose file cannot be written never blocks later runs; no invalid file is ever handed out.
/// </summary>
public sealed class UnwritablePayeeTests : IAsyncLifetime
{
    private const string ChineseName = "李明护理";
    private TestDatabase _db = null!;
    private AgreementWorld _world = null!;
    private string _out = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _world = await AgreementWorld.CreateAsync(_db);
        _out = Directory.CreateTempSubdirectory("openpgb-payee-").FullName;
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_out, recursive: true);
    }

    [Theory]
    [InlineData(ChineseName)]
    [InlineData("Ζωή")]
    [InlineData("&&&")]
    public void Registration_WithANameSepaCannotWrite_IsRefusedInDutch(string name)
    {
        var refused = Should.Throw<BusinessRuleException>(() => CareProvider.Register(
            "ZV10000099", CareProviderKind.Person, name, new CareProviderDetails(null, null, null, new PostalAddress("Straat", "1", "1011AB", "Amsterdam"), "NL91ABNA0417164300"), DateTimeOffset.UtcNow));

        refused.Message.ShouldContain("Latijnse letters");
    }

    [Fact]
    public void Registration_WithAccentsOrLigatures_IsAccepted() =>
        CareProvider.Register("ZV10000099", CareProviderKind.Person, "Zoë Müller-Ĳsselstein", new CareProviderDetails(null, null, null, new PostalAddress("Straat", "1", "1011AB", "Amsterdam"), "NL91ABNA0417164300"), DateTimeOffset.UtcNow)
            .Name.ShouldBe("Zoë Müller-Ĳsselstein");

    [Fact]
    public async Task Run_WithOnePayeeSepaCannotWrite_PaysTheOthers_HoldsThatOneWithATask_UntilCorrected()
    {
        var good = await _world.ApprovedAsync();
        var badProvider = await _world.AddProviderAsync("Zorg Zonder Naam B.V.", "87654321");
        var bad = await _world.ApprovedAsync(providerId: badProvider);
        var paid = await _world.ApprovedClaimAsync(AgreementWorld.Claim(good, hours: 4, month: 10));
        var held = await _world.ApprovedClaimAsync(AgreementWorld.Claim(bad, hours: 3, month: 10), AgreementWorld.UserOf(badProvider));
        await RenameBehindTheModelAsync(badProvider, ChineseName);

        var run = await _world.RunPaymentsAsync(_out);

        run.Outcome.ShouldBe(PaymentRunOutcome.Completed);
        run.Claims.ShouldBe(1);
        (await _world.StatusOfAsync(paid)).ShouldBe(ClaimStatus.Paid);
        var heldClaim = await _world.ClaimAsync(held);
        heldClaim.Status.ShouldBe(ClaimStatus.Approved);
        heldClaim.HoldReason!.ShouldStartWith(PayeeCheck.HoldPrefix);
        await using (var file = File.OpenRead(run.FilePath!))
        {
            Pain001Schema.Validate(file).ShouldBeEmpty();
        }

        var task = (await TasksAsync()).ShouldHaveSingleItem();
        task.Type.ShouldBe(WorkTaskType.PaymentHeld);
        task.Title.ShouldContain("Latijnse letters");

        // The next run is not stopped and raises no second task.
        (await _world.RunPaymentsAsync(_out, new DateOnly(2026, 11, 25))).Outcome.ShouldBe(PaymentRunOutcome.NothingToPay);
        (await TasksAsync()).Count.ShouldBe(1);

        // The provider writes its name as the bank knows it: the claim is released and paid by the next run.
        await using (var scope = _world.ScopeOf(AgreementWorld.UserOf(badProvider)))
        {
            (await scope.ServiceProvider.GetRequiredService<CareProviderService>().ChangeAccountAsync(AgreementWorld.UserOf(badProvider), "Li Ming Zorg", "NL02ABNA0417164350", CancellationToken.None)).ShouldBe(1);
        }

        var after = await _world.RunPaymentsAsync(_out, new DateOnly(2026, 11, 26));
        after.Claims.ShouldBe(1);
        (await _world.StatusOfAsync(held)).ShouldBe(ClaimStatus.Paid);
        await using var check = _db.Scope();
        (await check.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task BookedRunWhoseFileCannotBeWritten_NeverBlocksLaterRuns_AndIsNeverHandedOutInvalid()
    {
        var agreement = await _world.ApprovedAsync();
        await _world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 4, month: 9));
        var first = await _world.RunPaymentsAsync(_out);

        // Data damaged after booking (the situation of the outside probe): the booked run's file cannot be written.
        await using (var scope = _db.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
            await db.Payments.Where(p => p.PaymentRunId == first.RunId).ExecuteUpdateAsync(p => p.SetProperty(x => x.CreditorName, ChineseName));
            await db.Database.ExecuteSqlAsync($"UPDATE \"PaymentRuns\" SET \"Status\" = 'Booked', \"FileName\" = NULL, \"FileSha256\" = NULL WHERE \"Id\" = {first.RunId}");
        }

        File.Delete(first.FilePath!);
        await _world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 2, month: 10));

        var next = await _world.RunPaymentsAsync(_out, new DateOnly(2026, 11, 25));

        next.Outcome.ShouldBe(PaymentRunOutcome.Completed);
        next.Claims.ShouldBe(1);
        File.Exists(first.FilePath!).ShouldBeFalse();
        Directory.GetFiles(_out, "*.tmp").ShouldBeEmpty();
        await using var again = _db.Scope();
        using var output = new MemoryStream();
        await Should.ThrowAsync<PaymentFileException>(() => again.ServiceProvider.GetRequiredService<PaymentRunService>().WriteFileToAsync(first.RunId!.Value, output, CancellationToken.None));
        output.Length.ShouldBe(0);
    }

    private async Task RenameBehindTheModelAsync(long providerId, string name)
    {
        await using var scope = _db.Scope();
        await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().CareProviders.Where(p => p.Id == providerId)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.Name, name));
    }

    private async Task<List<WorkTask>> TasksAsync()
    {
        await using var scope = _db.Scope();
        return await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().WorkTasks.AsNoTracking().Where(t => t.Type == WorkTaskType.PaymentHeld).ToListAsync();
    }
}
