using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Ipgb;
using OpenPgb.Web.Tests.Support;
using Shouldly;

namespace OpenPgb.Web.Tests;

/// <summary>The operators' overviews on PostgreSQL.</summary>
public sealed class OperatorReportsPortalOnPostgresTests(OpenPgbWebFactory factory) : OperatorReportsPortalTests<OpenPgbWebFactory>(factory);

/// <summary>The operators' overviews on embedded SQLite, the database of the README's run command.</summary>
public sealed class OperatorReportsPortalOnSqliteTests(SqliteWebFactory factory) : OperatorReportsPortalTests<SqliteWebFactory>(factory);

/// <summary>Intake rejections per grantor and retour code, and payment runs per month, as the operator reads them.</summary>
public abstract class OperatorReportsPortalTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : OpenPgbWebFactory
{
    [Fact]
    public async Task Operator_SeesEveryRejectedMessageOnce_PerCode_AndTheRunsOfTheMonth()
    {
        var rejected = await factory.QueryAsync(db => db.IntakeMessages.Where(m => m.Outcome == IntakeOutcome.Rejected).Select(m => m.ReturnCodes).ToListAsync());
        rejected.ShouldNotBeEmpty("the demo sends a few bad 501s");
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("operator");

        var (status, page) = await client.GetPageAsync("/beheer/overzichten");

        status.ShouldBe(HttpStatusCode.OK);
        var rows = page.QuerySelectorAll("[data-testid=rejections] tbody tr");
        rows.Sum(r => int.Parse(r.QuerySelectorAll("td")[2].TextContent, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(rejected.Sum(codes => codes.Split(',', StringSplitOptions.RemoveEmptyEntries).Length), "each message once under each of its codes");
        rows.ShouldAllBe(r => r.QuerySelectorAll("td")[1].TextContent.Length > 0, "every code has its meaning");
        var runs = page.QuerySelectorAll("[data-testid=runs-by-month] tbody tr");
        runs.Length.ShouldBeGreaterThan(0, "the demo made a manual run this month");

        var (_, wrong) = await client.GetPageAsync("/beheer/overzichten?van=2026-12-31&tot=2026-01-01");
        wrong.GetElementById("tot-fout")!.TextContent.ShouldContain("De einddatum van de periode ligt voor de begindatum.");
    }

    [Fact]
    public async Task Operator_StartsOnThePaymentNorm_AndTheDeadlinesPageLoads()
    {
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("operator");

        var start = await client.Http.GetAsync(new Uri("/", UriKind.Relative));
        start.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        start.Headers.Location!.ToString().ShouldBe("/beheer");
        var (_, page) = await client.GetPageAsync("/beheer");
        var week = page.QuerySelectorAll("[data-testid=norm] tbody tr").ShouldHaveSingleItem("the demo paid one claim, this week");
        week.QuerySelectorAll("td")[2].TextContent.ShouldBe("100%", "approved and paid the same day");
        page.QuerySelector("[data-testid=count-overdue]")!.TextContent.ShouldBe("0");

        var (status, deadlines) = await client.GetPageAsync("/beheer/betaaltermijnen");
        status.ShouldBe(HttpStatusCode.OK);
        deadlines.QuerySelector("[data-testid=due-none]").ShouldNotBeNull("the demo's approved claims are within their term");
    }
}
