using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Access;
using OpenPgb.Core.Audit;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Ledger;
using OpenPgb.Core.Payments;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Claims;

/// <summary>Claims against PostgreSQL: every rule, rights, approval and the budget it commits, blocks and holds.</summary>
public sealed class ClaimServiceTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private AgreementWorld _world = null!;
    private long _agreement;
    private string _out = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _world = await AgreementWorld.CreateAsync(_db);
        _agreement = await _world.ApprovedAsync();
        _out = Directory.CreateTempSubdirectory("openpgb-claims-").FullName;
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_out, recursive: true);
    }

    [Fact]
    public async Task Submit_TakesTheTariffFromTheAgreement_AndWaitsForTheBudgetHolder()
    {
        var id = await _world.SubmitClaimAsync(AgreementWorld.Claim(_agreement, hours: 12.25m, month: 10));

        var claim = await _world.ClaimAsync(id);
        claim.Status.ShouldBe(ClaimStatus.Submitted);
        claim.TariffCents.ShouldBe(3_500);
        claim.AmountCents.ShouldBe(42_875);
        claim.BudgetCode.ShouldBe("02");
        claim.BudgetYear.ShouldBe(2026);
    }

    public static TheoryData<string, int, int, int, decimal, string> Refusals => new()
    {
        { nameof(ClaimCoversOneMonth), 10, 1, 31, 10, "" },
        { nameof(AgreementApprovedForPeriodAndCareFunction), 3, 1, 31, 10, "" },
        { nameof(AgreementApprovedForPeriodAndCareFunction), 10, 1, 31, 10, "03" },
        { nameof(UnitsPlausible), 10, 1, 2, 49, "" },
        { nameof(UnitsPlausible), 10, 1, 31, 0, "" },
        { nameof(UnitsPlausible), 10, 1, 31, 1.555m, "" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Submit_BreakingARule_IsRefusedWithThatRulesDutchMessage(string rule, int month, int from, int to, decimal hours, string careFunction)
    {
        var input = AgreementWorld.Claim(_agreement, hours, month, fromDay: from, toDay: to, careFunction: careFunction.Length == 0 ? "02" : careFunction);
        if (rule == nameof(ClaimCoversOneMonth))
        {
            input = input with { PeriodEnd = new DateOnly(2026, 11, 5) };
        }

        var refused = await Should.ThrowAsync<ClaimRefusedException>(() => _world.SubmitClaimAsync(input));

        refused.Violations.Select(v => v.Rule).ShouldContain(rule);
        refused.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Submit_AFixedMonthlyClaimByHand_IsRefused_TheMonthlyJobMakesThem()
    {
        var refused = await Should.ThrowAsync<ClaimRefusedException>(() => _world.SubmitClaimAsync(AgreementWorld.Claim(_agreement) with { Kind = ClaimKind.FixedMonthly }));

        refused.Violations.Single().Rule.ShouldBe(nameof(AmountPositive));
    }

    [Fact]
    public async Task Submit_OverlappingTheSameAgreement_OrTheSameInvoiceNumber_IsRefused()
    {
        await _world.SubmitClaimAsync(AgreementWorld.Claim(_agreement, hours: 5, month: 10, fromDay: 1, toDay: 15, invoice: "A-1"));

        var overlap = await Should.ThrowAsync<ClaimRefusedException>(() => _world.SubmitClaimAsync(AgreementWorld.Claim(_agreement, hours: 5, month: 10, fromDay: 10, toDay: 20, invoice: "A-2")));
        overlap.Violations.Select(v => v.Rule).ShouldContain(nameof(NoOverlapOnAgreement));
        var invoice = await Should.ThrowAsync<ClaimRefusedException>(() => _world.SubmitClaimAsync(AgreementWorld.Claim(_agreement, hours: 5, month: 9, invoice: "A-1")));
        invoice.Violations.Select(v => v.Rule).ShouldContain(nameof(InvoiceIsComplete));
        (await _world.SubmitClaimAsync(AgreementWorld.Claim(_agreement, hours: 5, month: 10, fromDay: 16, toDay: 31, invoice: "A-3"))).ShouldBePositive();
    }

    [Fact]
    public async Task SubmitOnce_SameKeySameClaimIsARepeat_SameKeyOtherClaimIsRefused_ParallelRepeatsStoreOne()
    {
        var input = AgreementWorld.Claim(_agreement, hours: 4, month: 10, invoice: "KEY-1") with { ExternalKey = "sleutel-1" };

        var first = await SubmitOnceAsync(input);
        var again = await SubmitOnceAsync(input);
        first.Repeat.ShouldBeFalse();
        again.Repeat.ShouldBeTrue();
        again.Claim.Id.ShouldBe(first.Claim.Id);
        await Should.ThrowAsync<ClaimKeyReusedException>(() => SubmitOnceAsync(input with { Units = 5 }));

        var parallel = AgreementWorld.Claim(_agreement, hours: 2, month: 9, invoice: "KEY-2") with { ExternalKey = "sleutel-2" };
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SubmitOnceAsync(parallel)));
        outcomes.Select(o => o.Claim.Id).Distinct().Count().ShouldBe(1);
        outcomes.Count(o => !o.Repeat).ShouldBe(1);
    }

    [Fact]
    public async Task Submit_MoreThan24HoursADay_AcrossTheProvidersClaims_IsRefused()
    {
        var second = await _world.ApprovedAsync(AgreementWorld.Terms(careFunction: "03"));
        await _world.SubmitClaimAsync(AgreementWorld.Claim(_agreement, hours: 30, month: 10, fromDay: 1, toDay: 2));

        var refused = await Should.ThrowAsync<ClaimRefusedException>(() => _world.SubmitClaimAsync(AgreementWorld.Claim(second, hours: 20, month: 10, fromDay: 2, toDay: 2, careFunction: "03")));

        refused.Violations.Single().Rule.ShouldBe(nameof(UnitsPlausible));
        refused.Message.ShouldContain("24 uur per dag");
    }

    [Fact]
    public async Task Submit_AboveTheGrantorsMaximumTariff_IsRefused()
    {
        await _world.SetMaximumTariffAsync("02", 3_000, new DateOnly(2026, 10, 1));

        var refused = await Should.ThrowAsync<ClaimRefusedException>(() => _world.SubmitClaimAsync(AgreementWorld.Claim(_agreement, month: 10)));

        refused.Violations.Select(v => v.Rule).ShouldContain(nameof(TariffWithinMaximum));
        (await _world.SubmitClaimAsync(AgreementWorld.Claim(_agreement, month: 9))).ShouldBePositive();
    }

    [Fact]
    public async Task Budget_CountsApprovedClaims_ApprovalCommits_RejectionReleases()
    {
        // Care function 03: 8,000.00 for 2026. 200 hours at 35.00 = 7,000.00.
        var agreement03 = await _world.ApprovedAsync(AgreementWorld.Terms(careFunction: "03"));
        var big = await _world.SubmitClaimAsync(AgreementWorld.Claim(agreement03, hours: 200, month: 9, careFunction: "03"));
        var second = await _world.SubmitClaimAsync(AgreementWorld.Claim(agreement03, hours: 40, month: 10, careFunction: "03"));
        await _world.ApproveClaimAsync(big);
        (await PositionAsync("03")).CommittedCents.ShouldBe(700_000);

        // Now 1,000.00 is left: 40 hours (1,400.00) can no longer be approved, nor submitted.
        var approve = await Should.ThrowAsync<BusinessRuleException>(() => _world.ApproveClaimAsync(second));
        approve.Rule.ShouldBe(nameof(BudgetSufficient));
        var submit = await Should.ThrowAsync<ClaimRefusedException>(() => _world.SubmitClaimAsync(AgreementWorld.Claim(agreement03, hours: 40, month: 8, careFunction: "03")));
        submit.Violations.Select(v => v.Rule).ShouldContain(nameof(BudgetSufficient));

        await using (var scope = _world.ScopeOf(_world.Holder))
        {
            await scope.ServiceProvider.GetRequiredService<ClaimService>().RejectAsync(_world.Holder, second, "Niet geleverd", CancellationToken.None);
        }

        (await _world.StatusOfAsync(second)).ShouldBe(ClaimStatus.Rejected);
        (await PositionAsync("03")).RemainingCents.ShouldBe(100_000);
        await AssertLedgerSoundAsync();
    }

    [Fact]
    public async Task Rights_OnlyTheProviderSubmits_OnlyHolderOrWriteRepresentativeApproves()
    {
        await Should.ThrowAsync<NotAllowedException>(() => _world.SubmitClaimAsync(AgreementWorld.Claim(_agreement), _world.Holder));
        await Should.ThrowAsync<NotVisibleException>(() => _world.SubmitClaimAsync(AgreementWorld.Claim(_agreement), _world.Stranger));
        var id = await _world.SubmitClaimAsync(AgreementWorld.Claim(_agreement));

        await Should.ThrowAsync<NotVisibleException>(() => _world.ApproveClaimAsync(id, _world.Stranger));
        await Should.ThrowAsync<NotAllowedException>(() => _world.ApproveClaimAsync(id, _world.ProviderUser));
        await Should.ThrowAsync<NotAllowedException>(() => _world.ApproveClaimAsync(id, _world.Employee));
        await _world.ApproveClaimAsync(id, _world.Representative);

        var claim = await _world.ClaimAsync(id);
        claim.Status.ShouldBe(ClaimStatus.Approved);
        claim.DecidedBy.ShouldBe("P. Jansen voor J. van Jansen");
        (await _world.ApproveClaimAsync(id)).ShouldBeFalse("a second approval changes nothing");
        (await _world.ClaimAsync(id)).DecidedBy.ShouldBe("P. Jansen voor J. van Jansen");

        var rejected = await _world.SubmitClaimAsync(AgreementWorld.Claim(_agreement, month: 9));
        await using (var scope = _world.ScopeOf(_world.Holder))
        {
            await scope.ServiceProvider.GetRequiredService<ClaimService>().RejectAsync(_world.Holder, rejected, "Niet geleverd", CancellationToken.None);
        }

        await Should.ThrowAsync<IllegalTransitionException>(() => _world.ApproveClaimAsync(rejected));
    }

    [Fact]
    public async Task ReadOnlyRepresentative_CannotApprove()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await AgreementWorld.CreateAsync(db, Core.Grants.RepresentativeRights.Read);
        var agreement = await world.ApprovedAsync();
        var id = await world.SubmitClaimAsync(AgreementWorld.Claim(agreement));

        await Should.ThrowAsync<NotAllowedException>(() => world.ApproveClaimAsync(id, world.Representative));
        await using var scope = world.ScopeOf(world.Representative);
        var all = await scope.ServiceProvider.GetRequiredService<ClaimService>().ApproveAllAsync(world.Representative, CancellationToken.None);
        all.Approved.ShouldBe(0);
    }

    [Fact]
    public async Task ApproveAll_ApprovesEveryVisibleClaim_AndReportsThoseTheBudgetNoLongerCovers()
    {
        var agreement03 = await _world.ApprovedAsync(AgreementWorld.Terms(careFunction: "03"));
        await _world.SubmitClaimAsync(AgreementWorld.Claim(agreement03, hours: 150, month: 8, careFunction: "03"));
        await _world.SubmitClaimAsync(AgreementWorld.Claim(agreement03, hours: 150, month: 9, careFunction: "03"));
        await _world.SubmitClaimAsync(AgreementWorld.Claim(_agreement, hours: 10, month: 10));

        await using var scope = _world.ScopeOf(_world.Holder);
        var (approved, refused) = await scope.ServiceProvider.GetRequiredService<ClaimService>().ApproveAllAsync(_world.Holder, CancellationToken.None);

        approved.ShouldBe(2);
        refused.Single().Reason.ShouldContain("niet genoeg budget");
        await AssertLedgerSoundAsync();
    }

    [Fact]
    public async Task Blocks_HoldClaimsBackUntilLifted_ThenTheNextRunPaysThem()
    {
        var id = await _world.ApprovedClaimAsync(AgreementWorld.Claim(_agreement, hours: 4, month: 10));
        long blockId;
        await using (var scope = _world.ScopeOf(_world.Employee))
        {
            blockId = await scope.ServiceProvider.GetRequiredService<PaymentBlockService>().BlockAsync(
                _world.Employee, PaymentBlockSubject.CareProvider, _world.ProviderId, "Onderzoek fraudesignaal", new DateOnly(2026, 11, 1), null, CancellationToken.None);
        }

        (await _world.RunPaymentsAsync(_out)).Outcome.ShouldBe(PaymentRunOutcome.NothingToPay);
        (await _world.StatusOfAsync(id)).ShouldBe(ClaimStatus.Approved);

        await using (var scope = _world.ScopeOf(_world.Employee))
        {
            await scope.ServiceProvider.GetRequiredService<PaymentBlockService>().LiftAsync(_world.Employee, blockId, CancellationToken.None);
        }

        (await _world.RunPaymentsAsync(_out, new DateOnly(2026, 11, 25))).Claims.ShouldBe(1);
        (await _world.StatusOfAsync(id)).ShouldBe(ClaimStatus.Paid);
    }

    [Theory]
    [InlineData(PaymentBlockSubject.BudgetHolder)]
    [InlineData(PaymentBlockSubject.CareAgreement)]
    public async Task Blocks_OnHolderOrAgreement_WithAnEndDate_StopOnlyWhileInForce(PaymentBlockSubject subject)
    {
        await _world.ApprovedClaimAsync(AgreementWorld.Claim(_agreement, hours: 4, month: 10));
        var holderId = (await _world.LoadAsync(_agreement)).BudgetHolderId;
        await using (var scope = _world.ScopeOf(_world.Employee))
        {
            await scope.ServiceProvider.GetRequiredService<PaymentBlockService>().BlockAsync(
                _world.Employee, subject, subject == PaymentBlockSubject.BudgetHolder ? holderId : _agreement, "Bezwaar loopt", new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 30), CancellationToken.None);
        }

        (await _world.RunPaymentsAsync(_out, new DateOnly(2026, 11, 30))).Claims.ShouldBe(0);
        (await _world.RunPaymentsAsync(_out, new DateOnly(2026, 12, 1))).Claims.ShouldBe(1);
    }

    [Fact]
    public async Task Blocks_AreSetOnlyByTheGrantorsOwnEmployees()
    {
        await using var scope = _world.ScopeOf(_world.Holder);
        var service = scope.ServiceProvider.GetRequiredService<PaymentBlockService>();
        await Should.ThrowAsync<NotAllowedException>(() => service.BlockAsync(_world.Holder, PaymentBlockSubject.CareProvider, _world.ProviderId, "x", new DateOnly(2026, 11, 1), null, CancellationToken.None));
        var otherGrantor = await _db.AddGrantorAsync("0344");
        var foreign = Actor.Employee("user-utrecht", "U. Trecht", otherGrantor.Id);
        await using var foreignScope = _world.ScopeOf(foreign);
        await Should.ThrowAsync<NotVisibleException>(() => foreignScope.ServiceProvider.GetRequiredService<PaymentBlockService>()
            .BlockAsync(foreign, PaymentBlockSubject.CareAgreement, _agreement, "x", new DateOnly(2026, 11, 1), null, CancellationToken.None));
    }

    [Fact]
    public async Task HolidayAllowance_WithinTheYearlyCap_AndPreBlockedUntilAnEmployeeReleasesIt()
    {
        var informal = await _world.ApprovedAsync(AgreementWorld.Terms(type: AgreementType.InformalCarer, holidayAllowanceCents: 20_000));
        await _world.SetProcessChoiceAsync(ProcessChoiceKind.PreBlockHolidayAllowance, "true");
        var allowance = new ClaimInput(informal, ClaimKind.HolidayAllowance, "02", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1), 1, 15_000, "FD-2026", new DateOnly(2026, 11, 2));

        // The budget holder submits for the informal carer.
        var id = await _world.SubmitClaimAsync(allowance, _world.Holder);
        var over = await Should.ThrowAsync<ClaimRefusedException>(() => _world.SubmitClaimAsync(allowance with { InvoiceNumber = "FD-2026b", HolidayAllowanceCents = 6_000, PeriodStart = new DateOnly(2026, 10, 1), PeriodEnd = new DateOnly(2026, 10, 1) }, _world.Holder));
        over.Violations.Select(v => v.Rule).ShouldContain(nameof(HolidayAllowanceWithinCap));

        await _world.ApproveClaimAsync(id);
        var held = await _world.ClaimAsync(id);
        held.HoldReason.ShouldBe(ClaimService.HolidayAllowanceHold);
        (await _world.RunPaymentsAsync(_out)).Claims.ShouldBe(0);

        await using (var scope = _world.ScopeOf(_world.Employee))
        {
            await scope.ServiceProvider.GetRequiredService<ClaimService>().ReleaseAsync(_world.Employee, id, CancellationToken.None);
        }

        (await _world.RunPaymentsAsync(_out, new DateOnly(2026, 11, 25))).TotalCents.ShouldBe(15_000);
        await AssertLedgerSoundAsync();
    }

    [Fact]
    public async Task HolidayAllowance_NotPreBlocked_IsPaidInTheNextRun_AndOnlyForInformalCarers()
    {
        var informal = await _world.ApprovedAsync(AgreementWorld.Terms(type: AgreementType.InformalCarer, holidayAllowanceCents: 20_000));
        var allowance = new ClaimInput(informal, ClaimKind.HolidayAllowance, "02", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1), 1, 15_000, "FD-1", new DateOnly(2026, 11, 2));
        var id = await _world.SubmitClaimAsync(allowance);
        await _world.ApproveClaimAsync(id);
        (await _world.ClaimAsync(id)).HoldReason.ShouldBeNull();

        var refused = await Should.ThrowAsync<ClaimRefusedException>(() => _world.SubmitClaimAsync(allowance with { CareAgreementId = _agreement, InvoiceNumber = "FD-2" }));
        refused.Violations.Select(v => v.Rule).ShouldContain(nameof(HolidayAllowanceWithinCap));
    }

    private async Task AssertLedgerSoundAsync()
    {
        await using var scope = _db.Scope();
        (await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    private async Task<BudgetPosition> PositionAsync(string code)
    {
        await using var scope = _db.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        var version = await db.GrantVersions.Include(v => v.CareFunctionBudgets).SingleAsync(v => v.GrantId == _world.GrantId && v.IsCurrent);
        return await scope.ServiceProvider.GetRequiredService<BudgetLedger>().PositionAsync(version, code, 2026, CancellationToken.None);
    }

    private async Task<(Claim Claim, bool Repeat)> SubmitOnceAsync(ClaimInput input)
    {
        await using var scope = _world.ScopeOf(_world.ProviderUser);
        return await scope.ServiceProvider.GetRequiredService<ClaimService>().SubmitOnceAsync(_world.ProviderUser, input, ClaimChannel.Api, CancellationToken.None);
    }
}
