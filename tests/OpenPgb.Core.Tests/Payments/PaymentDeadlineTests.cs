using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Access;
using OpenPgb.Core.Data;
using OpenPgb.Core.Payments;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Payments;

/// <summary>
/// Payment deadlines on PostgreSQL: an approved claim is due five banking days after approval (Monday 23 November
/// 2026 → Monday 30 November); overdue claims are listed with why they wait; the share paid within the norm per week.
/// </summary>
public sealed class PaymentDeadlineTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private AgreementWorld _world = null!;
    private string _out = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _world = await AgreementWorld.CreateAsync(_db);
        _out = Directory.CreateTempSubdirectory("openpgb-due-").FullName;
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_out, recursive: true);
    }

    [Theory]
    [InlineData("2026-11-23", "2026-11-30")]
    [InlineData("2026-12-22", "2026-12-30")]
    [InlineData("2026-12-26", "2027-01-04")]
    [InlineData("2027-03-25", "2027-04-05")]
    public void DueDate_IsFiveBankingDaysAfterApproval_SkippingWeekendsAndTarget2Holidays(string approved, string due) =>
        BankingCalendar.AddBankingDays(DateOnly.Parse(approved, System.Globalization.CultureInfo.InvariantCulture), 5).ShouldBe(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task OverdueClaims_AreListedWithWhyTheyWait()
    {
        var agreement = await _world.ApprovedAsync();
        var waiting = await _world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 1, month: 9));
        (await _world.ClaimAsync(waiting)).PaymentDueOn.ShouldBe(new DateOnly(2026, 11, 30));

        (await DueAsync(new DateOnly(2026, 11, 24))).ShouldBeEmpty("due in four banking days: not yet nearly due");
        (await DueAsync(new DateOnly(2026, 11, 26))).ShouldHaveSingleItem().BankingDaysLate.ShouldBe(-2);

        var overdue = (await DueAsync(new DateOnly(2026, 12, 2))).ShouldHaveSingleItem();
        (overdue.ClaimId, overdue.BankingDaysLate, overdue.Reason).ShouldBe((waiting, 2, UnpaidReason.WaitingForRun));

        await using (var scope = _world.ScopeOf(_world.Employee))
        {
            await scope.ServiceProvider.GetRequiredService<PaymentBlockService>().BlockAsync(_world.Employee, PaymentBlockSubject.CareProvider, _world.ProviderId, "Onderzoek", new DateOnly(2026, 11, 1), null, CancellationToken.None);
        }

        var blocked = (await DueAsync(new DateOnly(2026, 12, 2))).ShouldHaveSingleItem();
        blocked.Reason.ShouldBe(UnpaidReason.Blocked);
        blocked.ReasonText.ShouldBe("Geblokkeerd: Onderzoek");

        await using var employee = _world.ScopeOf(_world.Employee);
        await Should.ThrowAsync<NotAllowedException>(() => employee.ServiceProvider.GetRequiredService<PaymentDeadlines>().DueAsync(new DateOnly(2026, 12, 2), 2, CancellationToken.None));
    }

    [Fact]
    public async Task PaidClaims_CountPerWeek_WithinOrAfterTheirDueDate()
    {
        var agreement = await _world.ApprovedAsync();
        await _world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 1, month: 9));
        (await _world.RunPaymentsAsync(_out, new DateOnly(2026, 11, 24))).Claims.ShouldBe(1);
        await _world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 1, month: 10));
        (await _world.RunPaymentsAsync(_out, new DateOnly(2026, 12, 2))).Claims.ShouldBe(1);

        await using var scope = _db.Scope(AccessScope.System);
        var weeks = await scope.ServiceProvider.GetRequiredService<PaymentDeadlines>().PaidWithinNormAsync(new DateOnly(2026, 12, 3), 8, CancellationToken.None);

        weeks.Select(w => (w.Week, w.Paid, w.WithinNorm)).ShouldBe([("2026-W48", 1, 1), ("2026-W49", 1, 0)]);
        weeks[1].Percent.ShouldBe(0);
        (await DueAsync(new DateOnly(2026, 12, 3))).ShouldBeEmpty("paid claims are not due any more");
    }

    private async Task<IReadOnlyList<DueClaim>> DueAsync(DateOnly today)
    {
        await using var scope = _db.Scope(AccessScope.System);
        return await scope.ServiceProvider.GetRequiredService<PaymentDeadlines>().DueAsync(today, 2, CancellationToken.None);
    }
}
