using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Access;
using OpenPgb.Core.Audit;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.CareProviders;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Payments;
using OpenPgb.Core.Risk;
using OpenPgb.Core.WorkTasks;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Risk;

/// <summary>
/// The risk scan on PostgreSQL, on 23 November 2026: each indicator with a planted case that it finds, and the same case
/// just below the grantor's threshold that it does not; deduplication, a dismissal that sticks, the one-step block,
/// and what a grantor sees of a signal whose evidence spans grantors.
/// </summary>
public sealed class RiskScanTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private TestDatabase _db = null!;
    private AgreementWorld _world = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _world = await AgreementWorld.CreateAsync(_db);
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task IbanShared_IsFound_AtTheThreshold_AndNotBelowIt()
    {
        await _world.ApprovedAsync();
        var twin = await _world.AddProviderAsync("Tweeling Zorg B.V.", "87654321", iban: "NL91ABNA0417164300");

        var signal = (await ScanAsync(RiskIndicatorCode.IbanShared)).ShouldHaveSingleItem();
        signal.Subject.ShouldBe("ZV10000001");
        signal.Description.ShouldContain("2 zorgverleners");
        signal.Description.ShouldContain("en 1 zonder budgethouders bij deze verstrekker");
        signal.Evidence.Select(e => e.Reference).ShouldBe(["ZV10000001"], "the twin works for no budget holder of this grantor: it is a number, not evidence");

        await _world.SetProcessChoiceAsync(ProcessChoiceKind.RiskSharedIbanProviders, "3");
        await using var fresh = await TestDatabase.CreateAsync();
        var below = await AgreementWorld.CreateAsync(fresh);
        await below.ApprovedAsync();
        await below.AddProviderAsync("Tweeling Zorg B.V.", "87654321", iban: "NL91ABNA0417164300");
        await below.SetProcessChoiceAsync(ProcessChoiceKind.RiskSharedIbanProviders, "3");
        (await ScanAsync(below, RiskIndicatorCode.IbanShared)).ShouldBeEmpty();
        twin.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task ImplausibleHours_AboveTheWeeklyThreshold_IsFound_AtItIsNot()
    {
        var agreement = await _world.ApprovedAsync();
        var claim = await _world.SubmitClaimAsync(AgreementWorld.Claim(agreement, hours: 70, month: 11, fromDay: 9, toDay: 15));

        var signal = (await ScanAsync(RiskIndicatorCode.ImplausibleHours)).ShouldHaveSingleItem();
        signal.Period.ShouldBe("2026-W46");
        signal.Description.ShouldContain("in totaal 70 uur");
        signal.Evidence.Select(e => e.RefId).ShouldBe([claim]);

        await _world.SetProcessChoiceAsync(ProcessChoiceKind.RiskHoursPerWeek, "70");
        var again = await RunAsync();
        (await SignalsAsync(RiskIndicatorCode.ImplausibleHours)).ShouldHaveSingleItem("the earlier signal stays; the scan found nothing new");
        again.SignalIds.ShouldNotContain(signal.Id, "70 hours is not above a threshold of 70");
    }

    [Fact]
    public async Task RepresentativeWhoIsTheProvider_OrSharesItsIban_IsFound_AnotherPersonIsNot()
    {
        var stranger = await AddPersonProviderAsync("Q. Jansen", "NL02ABNA0417164350");
        var agreement = await _world.ApprovedAsync();
        (await ScanAsync(RiskIndicatorCode.RepresentativeIsProvider)).ShouldBeEmpty("Q. Jansen is not the representative P. Jansen");

        await AddPersonProviderAsync("P. Jansen", "NL91ABNA0417164300");
        var signal = (await ScanAsync(RiskIndicatorCode.RepresentativeIsProvider)).ShouldHaveSingleItem();
        signal.Subject.ShouldBe($"ZOK-{agreement}");
        signal.Description.ShouldContain("met hetzelfde rekeningnummer");
        signal.Description.ShouldNotContain(Messages.RepresentativeBsn);
        stranger.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task NewProviderGainingHolders_AtTheThreshold_IsFound_ForEachGrantor_WithOnlyItsOwnAgreements()
    {
        var own = await _world.ApprovedAsync();
        await _world.SetProcessChoiceAsync(ProcessChoiceKind.RiskNewProviderHolders, "2");
        (await ScanAsync(RiskIndicatorCode.RapidProviderGrowth)).ShouldBeEmpty("one budget holder is below two");

        var (other, otherAgreement) = await OtherGrantorAgreementAsync(_world.ProviderId);
        await using (var settings = _world.ScopeOf(other.Employee))
        {
            await settings.ServiceProvider.GetRequiredService<GrantorSettingsService>().SetProcessChoiceAsync(other.Employee, ProcessChoiceKind.RiskNewProviderHolders, "2", CancellationToken.None);
        }

        await RunAsync();

        await using var scope = _world.ScopeOf(_world.Employee);
        var mine = (await scope.ServiceProvider.GetRequiredService<RiskSignalService>().ListAsync(null, CancellationToken.None)).Where(r => r.Indicator == RiskIndicatorCode.RapidProviderGrowth).ShouldHaveSingleItem();
        var opened = (await scope.ServiceProvider.GetRequiredService<RiskSignalService>().OpenAsync(_world.Employee, mine.Id, CancellationToken.None))!;
        opened.Evidence.Select(e => e.RefId).ShouldBe([own], "only this grantor's agreement is its evidence");

        // The other grantor's employee sees its own signal, with its own agreement; not this grantor's.
        await using var otherScope = _world.ScopeOf(other.Employee);
        var theirs = await otherScope.ServiceProvider.GetRequiredService<RiskSignalService>().ListAsync(null, CancellationToken.None);
        theirs.ShouldAllBe(r => r.GrantorId == other.GrantorId);
        var theirSignal = theirs.Single(r => r.Indicator == RiskIndicatorCode.RapidProviderGrowth);
        (await otherScope.ServiceProvider.GetRequiredService<RiskSignalService>().OpenAsync(other.Employee, theirSignal.Id, CancellationToken.None))!
            .Evidence.Select(e => e.RefId).ShouldBe([otherAgreement]);
        (await otherScope.ServiceProvider.GetRequiredService<RiskSignalService>().OpenAsync(other.Employee, mine.Id, CancellationToken.None)).ShouldBeNull();

        // The operator sees both; views are in the access log.
        (await SignalsAsync(RiskIndicatorCode.RapidProviderGrowth)).Select(s => s.GrantorId).Order().ShouldBe(new[] { _world.Grantor.Id, other.GrantorId }.Order());
        await using var system = _db.Scope(AccessScope.System);
        (await system.ServiceProvider.GetRequiredService<OpenPgbDbContext>().AccessLogEntries.CountAsync(e => e.Action == "risicosignaal bekeken")).ShouldBe(2);
    }

    [Fact]
    public async Task IbanChangedShortlyBeforeALargePayment_IsFound_ASmallerPaymentIsNot()
    {
        var agreement = await _world.ApprovedAsync();
        await using (var scope = _world.ScopeOf(_world.ProviderUser))
        {
            await scope.ServiceProvider.GetRequiredService<CareProviderService>().ChangeAccountAsync(_world.ProviderUser, "Zorg Op Maat B.V.", "NL02ABNA0417164350", CancellationToken.None);
        }

        await _world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 10, month: 10));
        var output = Directory.CreateTempSubdirectory("openpgb-risk-").FullName;
        try
        {
            (await _world.RunPaymentsAsync(output)).TotalCents.ShouldBe(35_000);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }

        await _world.SetProcessChoiceAsync(ProcessChoiceKind.RiskLargePaymentEuros, "351");
        (await ScanAsync(RiskIndicatorCode.IbanChangedBeforePayment)).ShouldBeEmpty("350.00 is below a large payment of 351.00");

        await _world.SetProcessChoiceAsync(ProcessChoiceKind.RiskLargePaymentEuros, "350");
        var signal = (await ScanAsync(RiskIndicatorCode.IbanChangedBeforePayment)).ShouldHaveSingleItem();
        signal.Description.ShouldContain("…4350");
        signal.Evidence.ShouldHaveSingleItem().Kind.ShouldBe(RiskEvidenceKind.Payment);
    }

    [Fact]
    public async Task ClaimForCareBeforeTheSigning_IsFound_CareFromTheSigningDayIsNot()
    {
        var agreement = await _world.ApprovedAsync();
        await _world.SubmitClaimAsync(AgreementWorld.Claim(agreement, hours: 2, month: 11, fromDay: 23, toDay: 23));
        (await ScanAsync(RiskIndicatorCode.ClaimBeforeSigning)).ShouldBeEmpty("care from the day of signing on is fine");

        var early = await _world.SubmitClaimAsync(AgreementWorld.Claim(agreement, hours: 2, month: 11, fromDay: 22, toDay: 22));
        var signal = (await ScanAsync(RiskIndicatorCode.ClaimBeforeSigning)).ShouldHaveSingleItem();
        signal.Evidence.Select(e => e.RefId).ShouldBe([early]);
        signal.Subject.ShouldBe($"ZOK-{agreement}");
    }

    [Fact]
    public async Task SpendFarAboveWhatTheAgreementsExpect_IsFound_JustUnderThePercentageItIsNot()
    {
        // 20 hours × 35.00 a month from 1 April: 5,436.66 expected by 23 November; 8,400.00 booked is 54% more.
        var agreement = await _world.ApprovedAsync();
        foreach (var month in new[] { 5, 6, 7 })
        {
            await _world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 80, month: month));
        }

        await _world.SetProcessChoiceAsync(ProcessChoiceKind.RiskAboveForecastPercent, "55");
        (await ScanAsync(RiskIndicatorCode.SpendAboveForecast)).ShouldBeEmpty();

        await _world.SetProcessChoiceAsync(ProcessChoiceKind.RiskAboveForecastPercent, "54");
        var signal = (await ScanAsync(RiskIndicatorCode.SpendAboveForecast)).ShouldHaveSingleItem();
        signal.Subject.ShouldBe("B2026000001/02");
        signal.Period.ShouldBe("2026");
        signal.Description.ShouldContain("€ 8.400,00");
        signal.Description.ShouldContain("€ 5.436,66");
        signal.Evidence.Count.ShouldBe(3);
    }

    [Fact]
    public async Task TariffAtTheMaximum_ForNearlyEveryClaim_IsFound_FromTenClaimsOn()
    {
        await _world.SetMaximumTariffAsync("02", 3_500);
        var agreement = await _world.ApprovedAsync();
        for (var i = 0; i < 9; i++)
        {
            await _world.SubmitClaimAsync(AgreementWorld.Claim(agreement, hours: 1, month: 5 + (i / 2), fromDay: 1 + (7 * (i % 2)), toDay: 7 + (7 * (i % 2))));
        }

        (await ScanAsync(RiskIndicatorCode.TariffAtMaximum)).ShouldBeEmpty("nine claims are fewer than ten");

        await _world.SubmitClaimAsync(AgreementWorld.Claim(agreement, hours: 1, month: 10, fromDay: 1, toDay: 7));
        var signal = (await ScanAsync(RiskIndicatorCode.TariffAtMaximum)).ShouldHaveSingleItem();
        signal.Description.ShouldContain("10 (100%)");
        signal.Evidence.Count.ShouldBe(10);
    }

    [Fact]
    public async Task ASecondScan_OnTheSameData_AddsNothing()
    {
        await _world.ApprovedAsync();
        await _world.AddProviderAsync("Tweeling Zorg B.V.", "87654321", iban: "NL91ABNA0417164300");
        var first = await RunAsync();
        first.Raised.ShouldBeGreaterThan(0);
        var (signals, tasks, evidence) = await CountsAsync();

        var second = await RunAsync();

        (second.Raised, second.Updated, second.Unchanged).ShouldBe((0, 0, first.Raised));
        (await CountsAsync()).ShouldBe((signals, tasks, evidence));
        tasks.ShouldBe(signals, "each signal has its work task");
    }

    [Fact]
    public async Task Dismissal_WithAReason_Sticks_UntilTheEvidenceChanges()
    {
        await _world.ApprovedAsync();
        await _world.AddProviderAsync("Tweeling Zorg B.V.", "87654321", iban: "NL91ABNA0417164300");
        var signal = (await ScanAsync(RiskIndicatorCode.IbanShared)).ShouldHaveSingleItem();

        await using (var scope = _world.ScopeOf(_world.Employee))
        {
            var service = scope.ServiceProvider.GetRequiredService<RiskSignalService>();
            (await Should.ThrowAsync<BusinessRuleException>(() => service.DecideAsync(_world.Employee, signal.Id, RiskDecisionKind.NoRisk, " ", CancellationToken.None)))
                .Message.ShouldBe("Geef aan waarom dit signaal geen risico is.");
            await service.DecideAsync(_world.Employee, signal.Id, RiskDecisionKind.NoRisk, "Moeder- en dochteronderneming, bekend bij de gemeente", CancellationToken.None);
            await Should.ThrowAsync<BusinessRuleException>(() => service.DecideAsync(_world.Employee, signal.Id, RiskDecisionKind.Block, "toch", CancellationToken.None));
        }

        (await RunAsync()).Raised.ShouldBe(0);
        (await SignalsAsync(RiskIndicatorCode.IbanShared)).ShouldHaveSingleItem().Status.ShouldBe(RiskSignalStatus.NoRisk);
        (await OpenTasksAsync()).ShouldBe(0, "the decision completed the work task");

        // A third provider on the same account is new evidence: a new signal.
        await _world.AddProviderAsync("Derde Zorg B.V.", "11223344", iban: "NL91ABNA0417164300");
        (await RunAsync()).Raised.ShouldBe(1);
        (await SignalsAsync(RiskIndicatorCode.IbanShared)).Select(s => s.Status).ShouldBe([RiskSignalStatus.NoRisk, RiskSignalStatus.Open]);
    }

    [Fact]
    public async Task Block_InOneStep_SetsThePaymentBlockOnTheProvider_AndKeepsTheDecision()
    {
        await _world.ApprovedAsync();
        await _world.AddProviderAsync("Tweeling Zorg B.V.", "87654321", iban: "NL91ABNA0417164300");
        var signal = (await ScanAsync(RiskIndicatorCode.IbanShared)).ShouldHaveSingleItem();

        await using (var scope = _world.ScopeOf(_world.Employee))
        {
            var service = scope.ServiceProvider.GetRequiredService<RiskSignalService>();
            await service.DecideAsync(_world.Employee, signal.Id, RiskDecisionKind.Investigate, null, CancellationToken.None);
            await service.DecideAsync(_world.Employee, signal.Id, RiskDecisionKind.Block, "Rekening gedeeld, navraag loopt", CancellationToken.None);
        }

        await using var check = _db.Scope(AccessScope.System);
        var db = check.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        var decided = await db.RiskSignals.Include(s => s.Decisions).SingleAsync(s => s.Id == signal.Id);
        decided.Status.ShouldBe(RiskSignalStatus.Blocked);
        decided.Decisions.Select(d => d.Kind).ShouldBe([RiskDecisionKind.Investigate, RiskDecisionKind.Block]);
        var block = await db.PaymentBlocks.SingleAsync(b => b.Id == decided.Decisions[1].PaymentBlockId);
        (block.Subject, block.SubjectId, block.GrantorId).ShouldBe((PaymentBlockSubject.CareProvider, _world.ProviderId, _world.Grantor.Id));
        block.Reason.ShouldContain($"Risicosignaal {signal.Id}");
        (await OpenTasksAsync()).ShouldBe(0);

        // Another grantor's employee cannot decide on it: it is not there for them.
        var other = await _db.AddGrantorAsync("0599");
        await using var otherScope = _world.ScopeOf(Actor.Employee("user-0599", "A. Ander", other.Id));
        await Should.ThrowAsync<NotVisibleException>(() => otherScope.ServiceProvider.GetRequiredService<RiskSignalService>()
            .DecideAsync(Actor.Employee("user-0599", "A. Ander", other.Id), signal.Id, RiskDecisionKind.NoRisk, "niet van ons", CancellationToken.None));
    }

    [Fact]
    public async Task TwentyDecisionsAtOnce_KeepOne_AndScansAtOnce_RaiseEachSignalOnce()
    {
        await _world.ApprovedAsync();
        await _world.AddProviderAsync("Tweeling Zorg B.V.", "87654321", iban: "NL91ABNA0417164300");
        var scans = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            await using var scope = _db.Scope(AccessScope.System);
            return await scope.ServiceProvider.GetRequiredService<RiskScanService>().RunAsync(Today, CancellationToken.None);
        }));
        scans.Where(s => s is not null).Sum(s => s!.Raised).ShouldBe((await CountsAsync()).Signals, "a scan that found another one running did nothing");
        var signal = (await SignalsAsync(RiskIndicatorCode.IbanShared)).ShouldHaveSingleItem();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var employee = Actor.Employee($"user-employee-{i}", $"Medewerker {i}", _world.Grantor.Id);
            await using var scope = _world.ScopeOf(employee);
            try
            {
                await scope.ServiceProvider.GetRequiredService<RiskSignalService>().DecideAsync(employee, signal.Id, i % 2 == 0 ? RiskDecisionKind.NoRisk : RiskDecisionKind.Block, $"besluit {i}", CancellationToken.None);
                return true;
            }
            catch (BusinessRuleException)
            {
                return false;
            }
        }));

        outcomes.Count(o => o).ShouldBe(1);
        await using var check = _db.Scope(AccessScope.System);
        var db = check.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        (await db.RiskDecisions.CountAsync(d => d.RiskSignalId == signal.Id)).ShouldBe(1);
        (await db.PaymentBlocks.CountAsync()).ShouldBeLessThanOrEqualTo(1, "a block of a losing decision was rolled back with it");
    }

    private Task<IReadOnlyList<RiskSignal>> ScanAsync(RiskIndicatorCode indicator) => ScanAsync(_world, indicator);

    private static async Task<IReadOnlyList<RiskSignal>> ScanAsync(AgreementWorld world, RiskIndicatorCode indicator)
    {
        var result = await RunAsync(world);
        await using var scope = world.Db.Scope(AccessScope.System);
        return await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().RiskSignals.AsNoTracking().Include(s => s.Evidence)
            .Where(s => s.Indicator == indicator && result.SignalIds.Contains(s.Id)).OrderBy(s => s.Id).ToListAsync();
    }

    private Task<RiskScanResult> RunAsync() => RunAsync(_world);

    private static async Task<RiskScanResult> RunAsync(AgreementWorld world)
    {
        await using var scope = world.Db.Scope(AccessScope.System);
        return (await scope.ServiceProvider.GetRequiredService<RiskScanService>().RunAsync(Today, CancellationToken.None)).ShouldNotBeNull();
    }

    private async Task<IReadOnlyList<RiskSignal>> SignalsAsync(RiskIndicatorCode indicator)
    {
        await using var scope = _db.Scope(AccessScope.System);
        return await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().RiskSignals.AsNoTracking().Where(s => s.Indicator == indicator).OrderBy(s => s.Id).ToListAsync();
    }

    private async Task<(int Signals, int Tasks, int Evidence)> CountsAsync()
    {
        await using var scope = _db.Scope(AccessScope.System);
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        return (await db.RiskSignals.CountAsync(), await db.WorkTasks.CountAsync(t => t.Type == WorkTaskType.RiskSignal), await db.RiskEvidence.CountAsync());
    }

    private async Task<int> OpenTasksAsync()
    {
        await using var scope = _db.Scope(AccessScope.System);
        return await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().WorkTasks.CountAsync(t => t.Type == WorkTaskType.RiskSignal && t.Status == WorkTaskStatus.Open);
    }

    private Task<long> AddPersonProviderAsync(string name, string iban) => _world.AddProviderAsync(name, null, iban, CareProviderKind.Person);

    // A second grantor (0599) with its own budget holder and an approved agreement with the given provider.
    private async Task<(OtherGrantor Grantor, long Agreement)> OtherGrantorAgreementAsync(long providerId)
    {
        var grantor = await _db.AddGrantorAsync("0599");
        var message = Messages.Valid(sender: "0599", identification: "TKB000000599", budgetKey: "B2026000599")
            .WithClient(c => c with { Bsn = Messages.OtherBsn })
            .WithBudget(b => b with { Representatives = [] });
        (await _db.ReceiveAsync(message.Bytes())).IsAccepted.ShouldBeTrue();
        long grantId;
        await using (var scope = _db.Scope(AccessScope.System))
        {
            grantId = await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().Grants.Where(g => g.GrantorId == grantor.Id).Select(g => g.Id).SingleAsync();
        }

        var holder = _world.Stranger;
        var employee = Actor.Employee("user-0599", "A. Ander", grantor.Id);
        var provider = providerId == _world.ProviderId ? _world.ProviderUser : AgreementWorld.UserOf(providerId);
        var id = await _world.AsAsync(holder, s => s.DraftAsync(holder, grantId, providerId, AgreementWorld.Terms(), CancellationToken.None));
        await _world.AsAsync(provider, s => s.SignAsProviderAsync(provider, id, CancellationToken.None));
        await _world.AsAsync(holder, s => s.SignAsBudgetHolderAsync(holder, id, CancellationToken.None));
        await _world.AsAsync(employee, s => s.AssessAsync(employee, id, AssessmentDecision.Approve, AssessmentReasons.Approval, null, CancellationToken.None));
        return (new OtherGrantor(grantor.Id, employee), id);
    }

    private sealed record OtherGrantor(int GrantorId, Actor Employee);
}
