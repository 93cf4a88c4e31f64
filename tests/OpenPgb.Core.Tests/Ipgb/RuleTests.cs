using OpenPgb.Core.Grantors;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ipgb;
using OpenPgb.Core.Ipgb.Rules;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Ipgb;

/// <summary>Each rule of the 501, once passing and once failing, checking the code and the record it lands on.</summary>
public sealed class RuleTests
{
    private static readonly Grantor LiveGrantor = new("0363", "Gemeente Amsterdam", GrantorKind.Municipality, new DateOnly(2026, 1, 1));

    private static RuleContext Context(Grantor? sender = null, StoredBudgetFacts? stored = null, MessageChannel channel = MessageChannel.File) =>
        new(Messages.Today, new CareFunctionCodeList(CareFunctionCodes.Initial), channel, sender ?? LiveGrantor, stored ?? StoredBudgetFacts.None);

    private static RetourFindings Check(IMessageRule rule, Message501 message, RuleContext? context = null)
    {
        var findings = new RetourFindings();
        foreach (var finding in rule.Check(new MessageCheck(message, context ?? Context())))
        {
            findings.Add(finding.Record, finding.Code);
        }

        return findings;
    }

    [Fact]
    public void AllRules_OnTheValidMessage_FindNothing() =>
        MessageRules501.Evaluate(Messages.Valid(), Context()).HasErrors.ShouldBeFalse();

    [Fact]
    public void SenderMustBeKnownAndLive_WhenUnknown_Gives0018OnHeader()
    {
        var findings = Check(new SenderMustBeKnownAndLive(), Messages.Valid(), Context() with { Sender = null });
        findings.ErrorsOf(RecordRef.Header).ShouldBe([ReturnCodes.SenderUnknownOrNotLive]);
    }

    [Fact]
    public void SenderMustBeKnownAndLive_WhenLiveAfterDagtekening_Gives0018_ButNotOnConversionChannel()
    {
        var later = new Grantor("0363", "Gemeente", GrantorKind.Municipality, Messages.Today.AddDays(10));
        Check(new SenderMustBeKnownAndLive(), Messages.Valid(), Context(later)).ErrorsOf(RecordRef.Header).ShouldBe([ReturnCodes.SenderUnknownOrNotLive]);
        Check(new SenderMustBeKnownAndLive(), Messages.Valid(), Context(later, channel: MessageChannel.Conversion)).HasErrors.ShouldBeFalse();
    }

    [Fact]
    public void DateSentMustNotLieInFuture_WhenTomorrow_Gives8848_AndTodayPasses()
    {
        Check(new DateSentMustNotLieInFuture(), Messages.Valid().WithHeader(h => h with { DateSent = Messages.Today.AddDays(1) }))
            .ErrorsOf(RecordRef.Header).ShouldBe([ReturnCodes.DateSentInFuture]);
        Check(new DateSentMustNotLieInFuture(), Messages.Valid().WithHeader(h => h with { DateSent = Messages.Today })).HasErrors.ShouldBeFalse();
    }

    [Fact]
    public void BsnMustPassElevenTest_OnClientAndRepresentative_GivesCodeOnEachRecord()
    {
        var message = Messages.Valid()
            .WithClient(c => c with { Bsn = "999990018" })
            .WithBudget(b => b with { Representatives = [b.Representatives[0] with { Bsn = "123456789" }] });
        var findings = Check(new BsnMustPassElevenTest(), message);
        findings.ErrorsOf(RecordRef.Client).ShouldBe([ReturnCodes.BsnFailsElevenTest]);
        findings.ErrorsOf(RecordRef.Representative(0)).ShouldBe([ReturnCodes.BsnFailsElevenTest]);
        Check(new BsnMustPassElevenTest(), Messages.Valid()).HasErrors.ShouldBeFalse();
    }

    [Fact]
    public void EndDateMustNotPrecedeStartDate_Gives9002OnThatBudget()
    {
        var message = Messages.Valid().WithBudget(b => b with { CareFunctionBudgets = [b.CareFunctionBudgets[0], b.CareFunctionBudgets[1] with { EndDate = new DateOnly(2025, 12, 31) }] });
        var findings = Check(new EndDateMustNotPrecedeStartDate(), message);
        findings.ErrorsOf(RecordRef.CareFunctionBudget(1)).ShouldBe([ReturnCodes.EndBeforeStart]);
        findings.ErrorsOf(RecordRef.CareFunctionBudget(0)).ShouldBeEmpty();
    }

    [Fact]
    public void EndDateMustNotPrecedeStartDate_WhenSameDay_Passes() =>
        Check(new EndDateMustNotPrecedeStartDate(), Messages.Valid().WithBudget(b => b with { CareFunctionBudgets = [b.CareFunctionBudgets[0] with { EndDate = b.CareFunctionBudgets[0].StartDate }] }))
            .HasErrors.ShouldBeFalse();

    [Fact]
    public void CareFunctionMustBeInCodeList_WhenUnknownOrNotYetValid_Gives9003()
    {
        Check(new CareFunctionMustBeInCodeList(), Messages.Valid().WithBudget(b => b with { CareFunctionBudgets = [b.CareFunctionBudgets[0] with { CareFunction = "42" }] }))
            .ErrorsOf(RecordRef.CareFunctionBudget(0)).ShouldBe([ReturnCodes.CareFunctionNotInCodeList]);

        var list = new CareFunctionCodeList([new CareFunction("02", "Begeleiding", new DateOnly(2027, 1, 1), null)]);
        var findings = Check(new CareFunctionMustBeInCodeList(), Messages.Valid(), Context() with { CareFunctions = list });
        findings.ErrorsOf(RecordRef.CareFunctionBudget(0)).ShouldBe([ReturnCodes.CareFunctionNotInCodeList]);
    }

    [Fact]
    public void WholePackageMustStandAlone_When99WithOther_Gives9004OnBudget_AndAlonePasses()
    {
        var mixed = Messages.Valid().WithBudget(b => b with { CareFunctionBudgets = [b.CareFunctionBudgets[0], b.CareFunctionBudgets[1] with { CareFunction = "99" }] });
        Check(new WholePackageMustStandAlone(), mixed).ErrorsOf(RecordRef.Budget).ShouldBe([ReturnCodes.WholePackageCombined]);
        var alone = Messages.Valid().WithBudget(b => b with { CareFunctionBudgets = [b.CareFunctionBudgets[0] with { CareFunction = "99" }] });
        Check(new WholePackageMustStandAlone(), alone).HasErrors.ShouldBeFalse();
    }

    [Fact]
    public void WlzBudgetMustUseWholePackage_WhenWlzWithOtherFunction_Gives9005()
    {
        var wlz = Messages.Valid().WithBudget(b => b with { Law = Law.Wlz });
        Check(new WlzBudgetMustUseWholePackage(), wlz).ErrorsOf(RecordRef.CareFunctionBudget(0)).ShouldBe([ReturnCodes.WlzNotWholePackage]);
        var ok = wlz.WithBudget(b => b with { CareFunctionBudgets = [b.CareFunctionBudgets[0] with { CareFunction = "99" }] });
        Check(new WlzBudgetMustUseWholePackage(), ok).HasErrors.ShouldBeFalse();
    }

    [Theory]
    [InlineData(0L, null)]
    [InlineData(-100L, null)]
    [InlineData(1000L, 1001L)]
    [InlineData(1000L, -1L)]
    public void AmountsMustBePositive_WhenNotPositiveOrFreeAboveAmount_Gives9006(long amount, long? free)
    {
        var message = Messages.Valid().WithBudget(b => b with { CareFunctionBudgets = [b.CareFunctionBudgets[0] with { AmountCents = amount, UnaccountableCents = free }] });
        Check(new AmountsMustBePositive(), message).ErrorsOf(RecordRef.CareFunctionBudget(0)).ShouldBe([ReturnCodes.AmountNotPositive]);
    }

    [Fact]
    public void AmountsMustBePositive_WhenFreeEqualsAmount_Passes() =>
        Check(new AmountsMustBePositive(), Messages.Valid().WithBudget(b => b with { CareFunctionBudgets = [b.CareFunctionBudgets[0] with { AmountCents = 500, UnaccountableCents = 500 }] }))
            .HasErrors.ShouldBeFalse();

    [Fact]
    public void CareFunctionPeriodsMustNotOverlap_GivesCodeOnTheLaterBudget_AndAdjacentPeriodsPass()
    {
        var first = new CareFunctionBudgetRecord("02", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), 1000, null);
        var overlapping = Messages.Valid().WithBudget(b => b with { CareFunctionBudgets = [first with { StartDate = new DateOnly(2026, 6, 1), EndDate = new DateOnly(2026, 12, 31) }, first] });
        var findings = Check(new CareFunctionPeriodsMustNotOverlap(), overlapping);
        findings.ErrorsOf(RecordRef.CareFunctionBudget(0)).ShouldBe([ReturnCodes.PeriodsOverlap]);
        findings.ErrorsOf(RecordRef.CareFunctionBudget(1)).ShouldBeEmpty();

        var adjacent = Messages.Valid().WithBudget(b => b with { CareFunctionBudgets = [first, first with { StartDate = new DateOnly(2026, 7, 1), EndDate = new DateOnly(2026, 12, 31) }] });
        Check(new CareFunctionPeriodsMustNotOverlap(), adjacent).HasErrors.ShouldBeFalse();
    }

    [Fact]
    public void RepresentativeMustDifferFromClientAndOthers_WhenClientOrDuplicate_Gives9008()
    {
        var rep = Messages.Valid().Budget.Representatives[0];
        var message = Messages.Valid().WithBudget(b => b with { Representatives = [rep, rep, rep with { Bsn = Messages.ClientBsn }] });
        var findings = Check(new RepresentativeMustDifferFromClientAndOthers(), message);
        findings.ErrorsOf(RecordRef.Representative(0)).ShouldBeEmpty();
        findings.ErrorsOf(RecordRef.Representative(1)).ShouldBe([ReturnCodes.RepresentativeBsnConflict]);
        findings.ErrorsOf(RecordRef.Representative(2)).ShouldBe([ReturnCodes.RepresentativeBsnConflict]);
    }

    [Fact]
    public void MinorMustHaveCorrespondent_WhenMinorWithoutCorrespondent_GivesD001_OnlyIn23()
    {
        var minor = Messages.Valid()
            .WithClient(c => c with { BirthDate = new DateOnly(2015, 5, 5) })
            .WithBudget(b => b with { Representatives = [b.Representatives[0] with { ReceivesCorrespondence = false }] });
        Check(new MinorMustHaveCorrespondent(), minor).ErrorsOf(RecordRef.Budget).ShouldBe([ReturnCodes.MinorWithoutCorrespondent]);
        Check(new MinorMustHaveCorrespondent(), minor with { Version = IpgbVersion.V202 }).HasErrors.ShouldBeFalse();
        Check(new MinorMustHaveCorrespondent(), minor.WithBudget(b => b with { Representatives = [] })).HasErrors.ShouldBeTrue();
        Check(new MinorMustHaveCorrespondent(), Messages.Valid().WithClient(c => c with { BirthDate = new DateOnly(2015, 5, 5) })).HasErrors.ShouldBeFalse();
    }

    [Fact]
    public void MinorMustHaveCorrespondent_OnEighteenthBirthday_IsAnAdult()
    {
        var adultToday = Messages.Valid()
            .WithClient(c => c with { BirthDate = Messages.Today.AddDays(-1).AddYears(-18) })
            .WithBudget(b => b with { Representatives = [] });
        Check(new MinorMustHaveCorrespondent(), adultToday).HasErrors.ShouldBeFalse();
    }

    [Fact]
    public void MinorMayNotHaveAuthorisedPerson_WhenRole05ForMinor_GivesD002OnThatRepresentative()
    {
        var minor = Messages.Valid()
            .WithClient(c => c with { BirthDate = new DateOnly(2015, 5, 5) })
            .WithBudget(b => b with { Representatives = [b.Representatives[0], b.Representatives[0] with { Bsn = Messages.OtherBsn, Role = "05" }] });
        var findings = Check(new MinorMayNotHaveAuthorisedPerson(), minor);
        findings.ErrorsOf(RecordRef.Representative(1)).ShouldBe([ReturnCodes.MinorWithAuthorisedPerson]);
        findings.ErrorsOf(RecordRef.Representative(0)).ShouldBeEmpty();
        Check(new MinorMayNotHaveAuthorisedPerson(), Messages.Valid().WithBudget(b => b with { Representatives = [b.Representatives[0] with { Role = "05" }] })).HasErrors.ShouldBeFalse();
    }

    [Fact]
    public void PreviousBudgetKeyMustBeKnown_WhenUnknown_Gives9009_AndKnownPasses()
    {
        var rekey = Messages.Valid().WithBudget(b => b with { PreviousBudgetKey = "B-OLD" });
        Check(new PreviousBudgetKeyMustBeKnown(), rekey).ErrorsOf(RecordRef.Budget).ShouldBe([ReturnCodes.PreviousBudgetKeyUnknown]);
        Check(new PreviousBudgetKeyMustBeKnown(), rekey, Context(stored: new StoredBudgetFacts(null, null, 7, Messages.ClientBsn))).HasErrors.ShouldBeFalse();
    }

    [Fact]
    public void BudgetKeyMustStayWithItsBudgetHolder_WhenKeyBelongsToOtherHolderOrRekeyCollides_Gives9010()
    {
        Check(new BudgetKeyMustStayWithItsBudgetHolder(), Messages.Valid(), Context(stored: new StoredBudgetFacts(1, Messages.OtherBsn, null, null)))
            .ErrorsOf(RecordRef.Budget).ShouldBe([ReturnCodes.BudgetKeyConflict]);
        Check(new BudgetKeyMustStayWithItsBudgetHolder(), Messages.Valid(), Context(stored: new StoredBudgetFacts(1, Messages.ClientBsn, 2, Messages.ClientBsn)))
            .ErrorsOf(RecordRef.Budget).ShouldBe([ReturnCodes.BudgetKeyConflict]);
        Check(new BudgetKeyMustStayWithItsBudgetHolder(), Messages.Valid(), Context(stored: new StoredBudgetFacts(1, Messages.ClientBsn, null, null)))
            .HasErrors.ShouldBeFalse();
    }

    [Fact]
    public void ClientMustNotStayInPgb1_WhenTheConversionLeftTheClientBehind_Gives9011()
    {
        Check(new ClientMustNotStayInPgb1(), Messages.Valid(), Context(stored: StoredBudgetFacts.None with { ClientStaysInPgb1 = true }))
            .ErrorsOf(RecordRef.Client).ShouldBe([ReturnCodes.ClientStaysInPgb1]);
        Check(new ClientMustNotStayInPgb1(), Messages.Valid(), Context()).HasErrors.ShouldBeFalse();
    }

    [Fact]
    public void RetourFindings_ChildrenOfRejectedParent_AreNotAssessed()
    {
        var findings = new RetourFindings();
        findings.Add(RecordRef.Budget, ReturnCodes.WholePackageCombined);
        findings.Resolve(RecordRef.Header).ShouldBe([ReturnCodes.NoRemark]);
        findings.Resolve(RecordRef.Client).ShouldBe([ReturnCodes.NoRemark]);
        findings.Resolve(RecordRef.Budget).ShouldBe([ReturnCodes.WholePackageCombined]);
        findings.Resolve(RecordRef.CareFunctionBudget(0)).ShouldBe([ReturnCodes.NotAssessed]);
        findings.Resolve(RecordRef.Representative(0)).ShouldBe([ReturnCodes.NotAssessed]);
        findings.Resolve(RecordRef.Contact).ShouldBe([ReturnCodes.NotAssessed]);
    }
}
