using OpenPgb.Core.CareAgreements;
using Shouldly;

namespace OpenPgb.Core.Tests.CareAgreements;

/// <summary>Every transition of the agreement entity, legal and illegal, without a database.</summary>
public sealed class CareAgreementTransitionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static CareAgreementTerms Terms => new(AgreementType.Assignment, ["02"], new DateOnly(2026, 4, 1), new DateOnly(2026, 12, 31), TariffUnit.Hour, 3_500, 20, null, null);

    private static CareAgreement Draft() => CareAgreement.Draft(1, 1, 1, 1, Terms, Now);

    private static CareAgreement InState(AgreementStatus status)
    {
        var agreement = Draft();
        switch (status)
        {
            case AgreementStatus.Draft:
                break;
            case AgreementStatus.SignedByHolder:
                agreement.SignByHolder("Holder", Now);
                break;
            case AgreementStatus.SignedByProvider:
                agreement.SignByProvider("Provider", Now);
                break;
            case AgreementStatus.AwaitingAssessment:
                agreement.SignByHolder("Holder", Now);
                agreement.SignByProvider("Provider", Now);
                break;
            case AgreementStatus.AwaitingConfirmation:
                agreement = InState(AgreementStatus.AwaitingAssessment);
                agreement.Assess(AssessmentDecision.Approve, "00", null, "e1", "Eerste", null, fourEyes: true, Now);
                break;
            case AgreementStatus.Approved:
                agreement = InState(AgreementStatus.AwaitingAssessment);
                agreement.Assess(AssessmentDecision.Approve, "00", null, "e1", "Eerste", null, fourEyes: false, Now);
                break;
            case AgreementStatus.Rejected:
                agreement = InState(AgreementStatus.AwaitingAssessment);
                agreement.Assess(AssessmentDecision.Reject, "04", null, "e1", "Eerste", null, fourEyes: false, Now);
                break;
            case AgreementStatus.Ended:
                agreement = InState(AgreementStatus.Approved);
                agreement.End(new DateOnly(2026, 9, 30), "Zorg gestopt");
                break;
            case AgreementStatus.Superseded:
                throw new ArgumentOutOfRangeException(nameof(status), "Superseded is a version state, reached through a change.");
        }

        agreement.Status.ShouldBe(status);
        return agreement;
    }

    [Fact]
    public void Draft_HasOneDraftVersionWithTheThirdPartyClause()
    {
        var agreement = Draft();
        agreement.Status.ShouldBe(AgreementStatus.Draft);
        agreement.LatestVersion.ThirdPartyClause.ShouldBe(AgreementTexts.ThirdPartyClause);
        agreement.LatestVersion.ThirdPartyClause.ShouldStartWith("Derdenbeding");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SignBothSides_InEitherOrder_AwaitsAssessment(bool holderFirst)
    {
        var agreement = Draft();
        if (holderFirst)
        {
            agreement.SignByHolder("Holder", Now);
            agreement.Status.ShouldBe(AgreementStatus.SignedByHolder);
            agreement.SignByProvider("Provider", Now);
        }
        else
        {
            agreement.SignByProvider("Provider", Now);
            agreement.Status.ShouldBe(AgreementStatus.SignedByProvider);
            agreement.SignByHolder("Holder", Now);
        }

        agreement.Status.ShouldBe(AgreementStatus.AwaitingAssessment);
        agreement.LatestVersion.SubmittedAt.ShouldBe(Now);
    }

    [Theory]
    [InlineData(AgreementStatus.SignedByHolder)]
    [InlineData(AgreementStatus.AwaitingAssessment)]
    [InlineData(AgreementStatus.AwaitingConfirmation)]
    [InlineData(AgreementStatus.Approved)]
    [InlineData(AgreementStatus.Rejected)]
    [InlineData(AgreementStatus.Ended)]
    public void SignByHolder_WhenNotDraftOrSignedByProvider_Throws(AgreementStatus status) =>
        Should.Throw<InvalidOperationException>(() => InState(status).SignByHolder("Holder", Now));

    [Theory]
    [InlineData(AgreementStatus.SignedByProvider)]
    [InlineData(AgreementStatus.AwaitingAssessment)]
    [InlineData(AgreementStatus.Approved)]
    [InlineData(AgreementStatus.Rejected)]
    public void SignByProvider_WhenNotDraftOrSignedByHolder_Throws(AgreementStatus status) =>
        Should.Throw<InvalidOperationException>(() => InState(status).SignByProvider("Provider", Now));

    [Theory]
    [InlineData(AgreementStatus.SignedByHolder)]
    [InlineData(AgreementStatus.AwaitingAssessment)]
    [InlineData(AgreementStatus.Approved)]
    public void UpdateDraft_AfterSigning_Throws(AgreementStatus status) =>
        Should.Throw<InvalidOperationException>(() => InState(status).UpdateDraft(Terms with { TariffCents = 1 }));

    [Theory]
    [InlineData(AgreementStatus.Draft)]
    [InlineData(AgreementStatus.SignedByHolder)]
    [InlineData(AgreementStatus.SignedByProvider)]
    [InlineData(AgreementStatus.AwaitingConfirmation)]
    [InlineData(AgreementStatus.Approved)]
    [InlineData(AgreementStatus.Rejected)]
    public void Assess_WhenNotAwaitingAssessment_Throws(AgreementStatus status) =>
        Should.Throw<InvalidOperationException>(() => InState(status).Assess(AssessmentDecision.Approve, "00", null, "e2", "Tweede", null, false, Now));

    [Fact]
    public void FourEyes_SameEmployeeCannotConfirm_AnotherCan()
    {
        var agreement = InState(AgreementStatus.AwaitingConfirmation);
        Should.Throw<InvalidOperationException>(() => agreement.ConfirmAssessment("e1", "Eerste", Now));
        agreement.ConfirmAssessment("e2", "Tweede", Now);
        agreement.Status.ShouldBe(AgreementStatus.Approved);
        agreement.LatestVersion.ConfirmedByName.ShouldBe("Tweede");
    }

    [Fact]
    public void FourEyes_ReturnByAnother_GoesBackToAssessment()
    {
        var agreement = InState(AgreementStatus.AwaitingConfirmation);
        Should.Throw<InvalidOperationException>(() => agreement.ReturnForReassessment("e1"));
        agreement.ReturnForReassessment("e2");
        agreement.Status.ShouldBe(AgreementStatus.AwaitingAssessment);
        agreement.LatestVersion.Decision.ShouldBeNull();
    }

    [Theory]
    [InlineData(AgreementStatus.AwaitingAssessment)]
    [InlineData(AgreementStatus.Approved)]
    public void Confirm_WithoutFirstAssessment_Throws(AgreementStatus status) =>
        Should.Throw<InvalidOperationException>(() => InState(status).ConfirmAssessment("e2", "Tweede", Now));

    [Fact]
    public void Change_OfApproved_KeepsApprovedVersionInForceUntilTheChangeIsApproved()
    {
        var agreement = InState(AgreementStatus.Approved);
        agreement.StartChange(Terms with { TariffCents = 4_000 });
        agreement.Status.ShouldBe(AgreementStatus.Draft);
        agreement.ApprovedVersion!.TariffCents.ShouldBe(3_500);
        Should.Throw<InvalidOperationException>(() => agreement.StartChange(Terms));

        agreement.SignByHolder("Holder", Now);
        agreement.SignByProvider("Provider", Now);
        agreement.Assess(AssessmentDecision.Approve, "00", null, "e1", "Eerste", null, false, Now);

        agreement.Versions.Single(v => v.Number == 1).Status.ShouldBe(AgreementStatus.Superseded);
        agreement.Versions.Single(v => v.Number == 1).TariffCents.ShouldBe(3_500);
        agreement.ApprovedVersion!.Number.ShouldBe(2);
        agreement.ApprovedVersion.TariffCents.ShouldBe(4_000);
    }

    [Fact]
    public void Change_RejectedChange_LeavesTheApprovedVersionInForce()
    {
        var agreement = InState(AgreementStatus.Approved);
        agreement.StartChange(Terms with { TariffCents = 9_000 });
        agreement.SignByHolder("Holder", Now);
        agreement.SignByProvider("Provider", Now);
        agreement.Assess(AssessmentDecision.Reject, "01", null, "e1", "Eerste", null, false, Now);

        agreement.ApprovedVersion!.Number.ShouldBe(1);
        agreement.Status.ShouldBe(AgreementStatus.Rejected);
    }

    [Theory]
    [InlineData(AgreementStatus.Draft)]
    [InlineData(AgreementStatus.AwaitingAssessment)]
    [InlineData(AgreementStatus.Rejected)]
    [InlineData(AgreementStatus.Ended)]
    public void Change_WhenNotApproved_Throws(AgreementStatus status) =>
        Should.Throw<InvalidOperationException>(() => InState(status).StartChange(Terms));

    [Fact]
    public void End_Approved_RecordsDateAndReason()
    {
        var agreement = InState(AgreementStatus.Approved);
        agreement.End(new DateOnly(2026, 9, 30), "Zorg gestopt");
        agreement.Status.ShouldBe(AgreementStatus.Ended);
        agreement.EndedOn.ShouldBe(new DateOnly(2026, 9, 30));
        agreement.EndReason.ShouldBe("Zorg gestopt");
    }

    [Theory]
    [InlineData(AgreementStatus.Draft)]
    [InlineData(AgreementStatus.SignedByProvider)]
    [InlineData(AgreementStatus.AwaitingAssessment)]
    [InlineData(AgreementStatus.Rejected)]
    [InlineData(AgreementStatus.Ended)]
    public void End_WhenNotApproved_Throws(AgreementStatus status) =>
        Should.Throw<InvalidOperationException>(() => InState(status).End(new DateOnly(2026, 9, 30), "Reden"));

    [Fact]
    public void End_WithChangeInProgress_Throws()
    {
        var agreement = InState(AgreementStatus.Approved);
        agreement.StartChange(Terms);
        Should.Throw<InvalidOperationException>(() => agreement.End(new DateOnly(2026, 9, 30), "Reden"));
    }
}
