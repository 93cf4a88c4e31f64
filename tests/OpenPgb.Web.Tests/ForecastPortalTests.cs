using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Reports;
using OpenPgb.Web.Tests.Support;
using Shouldly;

namespace OpenPgb.Web.Tests;

/// <summary>The forecast's pages on PostgreSQL.</summary>
public sealed class ForecastPortalOnPostgresTests(OpenPgbWebFactory factory) : ForecastPortalTests<OpenPgbWebFactory>(factory);

/// <summary>The forecast's pages on embedded SQLite, the database of the README's run command.</summary>
public sealed class ForecastPortalOnSqliteTests(SqliteWebFactory factory) : ForecastPortalTests<SqliteWebFactory>(factory);

/// <summary>The budget holder reads the forecast of each budget in plain language; the grantor lists the budgets needing attention.</summary>
public abstract class ForecastPortalTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : OpenPgbWebFactory
{
    [Fact]
    public async Task BudgetHolder_SeesTheForecastLine_OfEachBudgetThisYear()
    {
        var ids = await DemoIds.LoadAsync(factory);
        IReadOnlyList<BudgetForecast> expected;
        await using (var scope = factory.SystemScope())
        {
            expected = await scope.ServiceProvider.GetRequiredService<BudgetForecastService>().ForGrantsAsync([ids.OwnGrant], CancellationToken.None);
        }

        expected.ShouldNotBeEmpty();
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("budgethouder");

        var (status, page) = await client.GetPageAsync("/budgethouder");

        status.ShouldBe(HttpStatusCode.OK);
        var lines = page.QuerySelectorAll("[data-testid^=forecast-line-]").Select(l => l.TextContent.Trim()).ToList();
        lines.ShouldBe([.. expected.Select(f => f.Sentence)]);
        lines.ShouldAllBe(l => l.StartsWith("Bij dit tempo ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Employee_SeesTheBudgetsNeedingAttention_OfTheActiveGrantorOnly()
    {
        var ids = await DemoIds.LoadAsync(factory);
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("medewerker.amsterdam");

        var (status, page) = await client.GetPageAsync("/verstrekker/prognose");

        status.ShouldBe(HttpStatusCode.OK);
        var rows = page.QuerySelectorAll("[data-testid=forecast-table] tbody tr");
        rows.Length.ShouldBeGreaterThan(0, "the demo has budgets without agreements: largely unused");
        rows.Select(r => r.GetAttribute("data-outcome")).ShouldAllBe(o => o == nameof(ForecastOutcome.RunsOut) || o == nameof(ForecastOutcome.LargelyUnused));
        var utrechtKey = await factory.QueryAsync(db => Task.FromResult(db.Grants.Where(g => g.Id == ids.UtrechtGrant).Select(g => g.BudgetKey).Single()));
        rows.Select(r => r.QuerySelectorAll("td")[0].TextContent).ShouldNotContain(utrechtKey);
    }
}
