using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Audit;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Common;
using OpenPgb.Core.Reports;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Reports;

/// <summary>
/// The budget forecast on 23 November 2026 (the test clock): care function 02 has 941,780 cents in 2026 (the part of
/// 12,500.00 from 1 April 2026 to 31 March 2027), care function 03 has 8,000.00 and no agreement.
/// </summary>
public sealed class BudgetForecastTests
{
    private const long Granted02 = 1_250_000L * 275 / 365;

    [Fact]
    public async Task ExpensiveAgreement_RunsOutOnTheDayTheExpectedMonthsPassTheBudget()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await AgreementWorld.CreateAsync(db);
        await world.ApprovedAsync(AgreementWorld.Terms(tariffCents: 30_000));

        var forecast = (await ForHolderAsync(world)).Single(f => f.CareFunctionCode == "02");

        // 20 hours × 300.00 a month: November 6,000.00 leaves 3,417.80, which December spends in 17.66 of its 31 days.
        forecast.UsedCents.ShouldBe(0);
        forecast.ExpectedCents.ShouldBe(1_200_000);
        forecast.Outcome.ShouldBe(ForecastOutcome.RunsOut);
        forecast.RunsOutOn.ShouldBe(new DateOnly(2026, 12, 1).AddDays((int)((Granted02 - 600_000) * 31 / 600_000)));
        forecast.RunsOutOn.ShouldBe(new DateOnly(2026, 12, 18));
        forecast.Sentence.ShouldBe("Bij dit tempo is het budget voor begeleiding op 18 december op.");
    }

    [Fact]
    public async Task ClaimedMonths_CountOnce_AndWaitingClaimsCountAsExpected()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await AgreementWorld.CreateAsync(db);
        var agreement = await world.ApprovedAsync(AgreementWorld.Terms(tariffCents: 3_500));
        await world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 30, month: 11, toDay: 20));
        await world.SubmitClaimAsync(AgreementWorld.Claim(agreement, hours: 2, month: 10));

        var forecast = (await ForHolderAsync(world)).Single(f => f.CareFunctionCode == "02");

        // November is claimed (105,000 used); December is still expected (20 × 35.00); October's claim waits (7,000).
        forecast.UsedCents.ShouldBe(105_000);
        forecast.ExpectedCents.ShouldBe(70_000 + 7_000);
        forecast.RunsOutOn.ShouldBeNull();
        forecast.Outcome.ShouldBe(ForecastOutcome.LargelyUnused);
        forecast.Sentence.ShouldBe($"Bij dit tempo houdt u van het budget voor begeleiding op 31 december ongeveer {Money.FormatEuro(Granted02 - 182_000)} over.");
    }

    [Fact]
    public async Task Grantor_SeesTheBudgetsThatRunOutFirst_ThenTheLargelyUnused_AndNoOtherGrantorsBudgets()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await AgreementWorld.CreateAsync(db);
        await world.ApprovedAsync(AgreementWorld.Terms(tariffCents: 30_000));

        await using var scope = world.ScopeOf(world.Employee);
        var attention = await scope.ServiceProvider.GetRequiredService<BudgetForecastService>().NeedingAttentionAsync(world.Grantor.Id, CancellationToken.None);

        attention.Select(f => (f.CareFunctionCode, f.Outcome)).ShouldBe([("02", ForecastOutcome.RunsOut), ("03", ForecastOutcome.LargelyUnused)]);
        attention[1].LeftOverCents.ShouldBe(800_000);
        ForecastTexts.OutcomeText(attention[0]).ShouldBe("Op rond 18 december 2026");

        var other = await db.AddGrantorAsync("0599");
        await using var otherScope = world.ScopeOf(Actor.Employee("user-0599", "A. Ander", other.Id));
        (await otherScope.ServiceProvider.GetRequiredService<BudgetForecastService>().NeedingAttentionAsync(world.Grantor.Id, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task EndedAgreement_IsNoLongerExpected()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await AgreementWorld.CreateAsync(db);
        var agreement = await world.ApprovedAsync(AgreementWorld.Terms(tariffCents: 30_000));
        await using (var scope = world.ScopeOf(world.Holder))
        {
            await scope.ServiceProvider.GetRequiredService<CareAgreementService>().EndAsync(world.Holder, agreement, new DateOnly(2026, 11, 15), "Zorg gestopt", CancellationToken.None);
        }

        var forecast = (await ForHolderAsync(world)).Single(f => f.CareFunctionCode == "02");

        // Ended on 15 November: November is expected for 15 of its 30 days, December not at all.
        forecast.ExpectedCents.ShouldBe(600_000 * 15 / 30);
        forecast.RunsOutOn.ShouldBeNull();
    }

    private static async Task<IReadOnlyList<BudgetForecast>> ForHolderAsync(AgreementWorld world)
    {
        await using var scope = world.ScopeOf(world.Holder);
        return await scope.ServiceProvider.GetRequiredService<BudgetForecastService>().ForGrantsAsync([world.GrantId], CancellationToken.None);
    }
}
