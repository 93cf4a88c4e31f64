using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Access;
using OpenPgb.Core.Audit;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Letters;
using OpenPgb.Core.WorkTasks;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.CareAgreements;

/// <summary>The agreement's services against PostgreSQL: rights, tasks, letters, maximum tariffs, four-eyes and the access log.</summary>
public sealed class CareAgreementServiceTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private AgreementWorld _world = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _world = await AgreementWorld.CreateAsync(_db);
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Submit_BothSigned_CreatesAnAssessmentTaskForTheGrantor()
    {
        var id = await _world.SubmittedAsync();

        (await _world.LoadAsync(id)).Status.ShouldBe(AgreementStatus.AwaitingAssessment);
        var task = (await TasksAsync()).ShouldHaveSingleItem();
        task.Type.ShouldBe(WorkTaskType.AssessAgreement);
        task.SubjectId.ShouldBe(id);
        task.GrantorId.ShouldBe(_world.Grantor.Id);
        task.Deadline.ShouldBe(_db.Clock.Today().AddDays(14));
    }

    [Fact]
    public async Task Approve_WritesLetterToPrintStreetWithTheDecisionText()
    {
        var id = await _world.ApprovedAsync();

        var agreement = await _world.LoadAsync(id);
        agreement.Status.ShouldBe(AgreementStatus.Approved);
        (await TasksAsync()).ShouldAllBe(t => t.Status == WorkTaskStatus.Done);
        var letter = (await LettersAsync()).ShouldHaveSingleItem();
        letter.Kind.ShouldBe(LetterKind.AgreementApproved);
        letter.Route.ShouldBe(PrintRoute.PrintStreet);
        letter.IsIntact.ShouldBeTrue();
        var text = await PdfText.ExtractAsync(letter.Pdf);
        text.ShouldContain("Verstrekker 0363");
        text.ShouldContain("goedgekeurd");
        text.ShouldContain("Zorg Op Maat B.V.");
        text.ShouldContain("bezwaar");

        // The representative receives correspondence in the test 501: their own copy in the same PDF.
        text.ShouldContain("Ouder of voogd");
    }

    [Fact]
    public async Task Reject_WhenGrantorPrints_CreatesPrintTaskHoldingTheLetter()
    {
        await _world.SetProcessChoiceAsync(ProcessChoiceKind.LetterPrinting, nameof(LetterPrinting.Grantor));
        var id = await _world.SubmittedAsync();

        await _world.AsAsync(_world.Employee, s => s.AssessAsync(_world.Employee, id, AssessmentDecision.Reject, "04", "Handtekening ontbreekt", CancellationToken.None));

        var letter = (await LettersAsync()).ShouldHaveSingleItem();
        letter.Route.ShouldBe(PrintRoute.Grantor);
        (await PdfText.ExtractAsync(letter.Pdf)).ShouldContain("Handtekening ontbreekt");
        var printTask = (await TasksAsync()).Single(t => t.Type == WorkTaskType.PrintLetter);
        printTask.SubjectKind.ShouldBe(WorkTaskSubject.Letter);
        printTask.SubjectId.ShouldBe(letter.Id);

        await using var scope = _world.ScopeOf(_world.Employee);
        await scope.ServiceProvider.GetRequiredService<LetterService>().MarkSentByGrantorAsync(_world.Employee, letter.Id, CancellationToken.None);
        (await TasksAsync()).Single(t => t.Type == WorkTaskType.PrintLetter).Status.ShouldBe(WorkTaskStatus.Done);
    }

    [Fact]
    public async Task Approve_AboveMaximumTariff_IsRefused_ButRejectIsAllowed()
    {
        await _world.SetMaximumTariffAsync("02", 3_000);
        var id = await _world.SubmittedAsync(AgreementWorld.Terms(tariffCents: 3_500));

        var refused = await Should.ThrowAsync<BusinessRuleException>(() => _world.AsAsync(_world.Employee, s => s.AssessAsync(_world.Employee, id, AssessmentDecision.Approve, "00", null, CancellationToken.None)));
        refused.Rule.ShouldBe(nameof(TariffMustNotExceedMaximum));
        (await _world.LoadAsync(id)).Status.ShouldBe(AgreementStatus.AwaitingAssessment);

        await _world.AsAsync(_world.Employee, s => s.AssessAsync(_world.Employee, id, AssessmentDecision.Reject, "01", null, CancellationToken.None));
        var rejected = (await _world.LoadAsync(id)).LatestVersion;
        rejected.Status.ShouldBe(AgreementStatus.Rejected);
        rejected.MaximumTariffCentsAtDecision.ShouldBe(3_000);
    }

    [Fact]
    public async Task Approve_AtMaximumOrUnderAnExpiredHigherMaximum_UsesTheTariffValidOnTheStartDate()
    {
        await _world.SetMaximumTariffAsync("02", 5_000, new DateOnly(2026, 1, 1));
        await _world.SetMaximumTariffAsync("02", 3_500, new DateOnly(2026, 3, 1));
        var id = await _world.ApprovedAsync(AgreementWorld.Terms(tariffCents: 3_500));

        (await _world.LoadAsync(id)).LatestVersion.MaximumTariffCentsAtDecision.ShouldBe(3_500);
    }

    [Fact]
    public async Task FourEyes_FirstDecisionWaits_SecondEmployeeConfirms_ThenLetter()
    {
        await _world.SetProcessChoiceAsync(ProcessChoiceKind.FourEyesAssessment, "true");
        var id = await _world.SubmittedAsync();

        await _world.AsAsync(_world.Employee, s => s.AssessAsync(_world.Employee, id, AssessmentDecision.Approve, "00", null, CancellationToken.None));
        (await _world.LoadAsync(id)).Status.ShouldBe(AgreementStatus.AwaitingConfirmation);
        (await LettersAsync()).ShouldBeEmpty();
        (await TasksAsync()).Single(t => t.Status == WorkTaskStatus.Open).Type.ShouldBe(WorkTaskType.ConfirmAssessment);

        await Should.ThrowAsync<InvalidOperationException>(() => _world.AsAsync(_world.Employee, s => s.ConfirmAssessmentAsync(_world.Employee, id, CancellationToken.None)));
        await _world.AsAsync(_world.SecondEmployee, s => s.ConfirmAssessmentAsync(_world.SecondEmployee, id, CancellationToken.None));

        var version = (await _world.LoadAsync(id)).LatestVersion;
        version.Status.ShouldBe(AgreementStatus.Approved);
        version.AssessedByName.ShouldBe(_world.Employee.Name);
        version.ConfirmedByName.ShouldBe(_world.SecondEmployee.Name);
        (await LettersAsync()).ShouldHaveSingleItem();
        (await TasksAsync()).ShouldAllBe(t => t.Status == WorkTaskStatus.Done);
    }

    [Fact]
    public async Task FourEyes_SecondEmployeeReturns_NewAssessmentTask()
    {
        await _world.SetProcessChoiceAsync(ProcessChoiceKind.FourEyesAssessment, "true");
        var id = await _world.SubmittedAsync();
        await _world.AsAsync(_world.Employee, s => s.AssessAsync(_world.Employee, id, AssessmentDecision.Approve, "00", null, CancellationToken.None));

        await _world.AsAsync(_world.SecondEmployee, s => s.ReturnForReassessmentAsync(_world.SecondEmployee, id, CancellationToken.None));

        (await _world.LoadAsync(id)).Status.ShouldBe(AgreementStatus.AwaitingAssessment);
        (await TasksAsync()).Single(t => t.Status == WorkTaskStatus.Open).Type.ShouldBe(WorkTaskType.AssessAgreement);
    }

    [Fact]
    public async Task Assess_ByEmployeeOfAnotherGrantor_DoesNotSeeTheAgreement()
    {
        var other = await _db.AddGrantorAsync("0344");
        var id = await _world.SubmittedAsync();
        var outsider = Actor.Employee("user-utrecht", "U. Trecht", other.Id);

        await Should.ThrowAsync<NotVisibleException>(() => _world.AsAsync(outsider, s => s.AssessAsync(outsider, id, AssessmentDecision.Approve, "00", null, CancellationToken.None)));
        (await _world.LoadAsync(id)).Status.ShouldBe(AgreementStatus.AwaitingAssessment);
    }

    [Fact]
    public async Task Sign_ByAnotherProvider_IsRefused()
    {
        var id = await _world.DraftAsync();
        var otherProvider = Actor.Provider("user-x", "Ander", _world.ProviderId + 1000);

        // Another provider's scope does not see the agreement at all.
        await Should.ThrowAsync<NotVisibleException>(() => _world.AsAsync(otherProvider, s => s.SignAsProviderAsync(otherProvider, id, CancellationToken.None)));
    }

    [Fact]
    public async Task Draft_OutsideGrantPeriodOrCareFunctions_IsRefusedWithTheRule()
    {
        var outside = await Should.ThrowAsync<BusinessRuleException>(() => _world.DraftAsync(AgreementWorld.Terms() with { EndDate = new DateOnly(2027, 12, 31) }));
        outside.Rule.ShouldBe(nameof(AgreementMustFallWithinGrant));
        var function = await Should.ThrowAsync<BusinessRuleException>(() => _world.DraftAsync(AgreementWorld.Terms(careFunction: "07")));
        function.Rule.ShouldBe(nameof(AgreementMustCoverGrantedCareFunctions));
        var allowance = await Should.ThrowAsync<BusinessRuleException>(() => _world.DraftAsync(AgreementWorld.Terms(holidayAllowanceCents: 10_000)));
        allowance.Rule.ShouldBe(nameof(HolidayAllowanceOnlyForInformalCarers));
    }

    [Fact]
    public async Task ApprovedVersion_IsASnapshot_ThatALaterChangeDoesNotAlter()
    {
        var id = await _world.ApprovedAsync();
        await _world.AsAsync(_world.Holder, s => s.StartChangeAsync(_world.Holder, id, AgreementWorld.Terms(tariffCents: 3_900), CancellationToken.None));
        await _world.SetMaximumTariffAsync("02", 3_000, new DateOnly(2026, 6, 1));

        var agreement = await _world.LoadAsync(id);
        agreement.ApprovedVersion!.TariffCents.ShouldBe(3_500);
        agreement.ApprovedVersion.MaximumTariffCentsAtDecision.ShouldBeNull();
        agreement.PendingVersion!.TariffCents.ShouldBe(3_900);
    }

    [Fact]
    public async Task End_ByHolder_EndsTheApprovedVersion()
    {
        var id = await _world.ApprovedAsync();
        await _world.AsAsync(_world.Holder, s => s.EndAsync(_world.Holder, id, new DateOnly(2026, 9, 30), "Zorg niet meer nodig", CancellationToken.None));

        var agreement = await _world.LoadAsync(id);
        agreement.Status.ShouldBe(AgreementStatus.Ended);
        agreement.EndedOn.ShouldBe(new DateOnly(2026, 9, 30));
    }

    [Fact]
    public async Task Journey_WritesAccessLogRowsThatFormAnIntactChain()
    {
        var id = await _world.ApprovedAsync();
        await using (var scope = _world.ScopeOf(_world.Employee))
        {
            await scope.ServiceProvider.GetRequiredService<CareAgreementQueries>().GetAsync(_world.Employee, id, CancellationToken.None);
        }

        await using var system = _db.Scope();
        var db = system.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        var rows = await db.AccessLogEntries.OrderBy(e => e.Sequence).ToListAsync();
        rows.Select(r => r.Action).ShouldBe([
            "zorgovereenkomst concept",
            "zorgovereenkomst ondertekend door zorgverlener",
            "zorgovereenkomst ondertekend door budgethouder",
            "zorgovereenkomst goedgekeurd",
            "zorgovereenkomst bekeken",
        ]);
        rows.Select(r => r.Sequence).ShouldBe([1, 2, 3, 4, 5]);
        rows.ShouldAllBe(r => r.BudgetHolderId != null);
        rows[^1].Event.ShouldBe(AccessEvent.Read);
        rows[^1].GrantorId.ShouldBe(_world.Grantor.Id);
        rows.ShouldAllBe(r => !r.Detail.Contains(Messages.ClientBsn));
        (await system.ServiceProvider.GetRequiredService<AccessLogVerifier>().VerifyAsync(CancellationToken.None)).IsIntact.ShouldBeTrue();
    }

    private async Task<List<WorkTask>> TasksAsync()
    {
        await using var scope = _db.Scope();
        return await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().WorkTasks.AsNoTracking().OrderBy(t => t.Id).ToListAsync();
    }

    private async Task<List<Letter>> LettersAsync()
    {
        await using var scope = _db.Scope();
        return await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().Letters.AsNoTracking().OrderBy(l => l.Id).ToListAsync();
    }
}
