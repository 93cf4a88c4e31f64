using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Payments;
using OpenPgb.Core.Risk;
using OpenPgb.Web.Tests.Support;
using Shouldly;

namespace OpenPgb.Web.Tests;

/// <summary>The risk signal pages on PostgreSQL.</summary>
public sealed class RiskSignalPortalOnPostgresTests(OpenPgbWebFactory factory) : RiskSignalPortalTests<OpenPgbWebFactory>(factory);

/// <summary>The risk signal pages on embedded SQLite, the database of the README's run command.</summary>
public sealed class RiskSignalPortalOnSqliteTests(SqliteWebFactory factory) : RiskSignalPortalTests<SqliteWebFactory>(factory);

/// <summary>
/// The demo's planted risk (a provider registered with Zorg Op Maat's IBAN) as staff meet it: the employee opens the
/// signal from the list, reads why it matters and its evidence, and decides (a reason is required; blocking sets the
/// payment block); the operator sees every grantor's signals but decides nothing; every view is logged.
/// </summary>
public abstract class RiskSignalPortalTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : OpenPgbWebFactory
{
    [Fact]
    public async Task Employee_OpensTheSignal_AndBlocksTheProviderInOneStep_AfterAReasonIsGiven()
    {
        var ids = await DemoIds.LoadAsync(factory);
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("medewerker.amsterdam");

        var (_, list) = await client.GetPageAsync("/verstrekker/risicosignalen");
        var row = list.QuerySelector("[data-testid=signals] tr[data-indicator=IBAN_GEDEELD]").ShouldNotBeNull();
        var url = WebUtility.HtmlDecode(row.QuerySelector("a")!.GetAttribute("href")!);
        var (status, page) = await client.GetPageAsync(url);
        status.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=signal-description]")!.TextContent.ShouldContain("2 zorgverleners: ZV10000001 Zorg Op Maat B.V., en 1 zonder budgethouders bij deze verstrekker");
        page.QuerySelector("[data-testid=signal-evidence]")!.TextContent.ShouldContain("ZV10000001");
        page.QuerySelector("[data-testid=signal-status]")!.TextContent.ShouldBe("Open");

        var refused = await PortalClient.ParseAsync(await client.PostFormAsync(url, new() { ["Decision"] = nameof(RiskDecisionKind.Block), ["Reason"] = " " }));
        refused.GetElementById("Reason")!.GetAttribute("aria-invalid").ShouldBe("true");
        refused.GetElementById("Reason-fout")!.TextContent.ShouldContain("Geef de reden van de blokkade.");

        var done = await client.PostFormAsync(url, new() { ["Decision"] = nameof(RiskDecisionKind.Block), ["Reason"] = "Rekening gedeeld met Zorggroep Tweeling" });
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, after) = await client.GetPageAsync(done.Headers.Location!.ToString());
        after.QuerySelector("[data-testid=signal-status]")!.TextContent.ShouldBe("Betalingen geblokkeerd");
        after.QuerySelector("[data-testid=decide]").ShouldBeNull("a decided signal takes no second decision");
        after.QuerySelector("[data-testid=signal-decisions]")!.TextContent.ShouldContain("Rekening gedeeld met Zorggroep Tweeling");

        var signalId = long.Parse(url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var block = await factory.QueryAsync(db => db.PaymentBlocks.SingleAsync(b => b.Reason.StartsWith($"Risicosignaal {signalId}:")));
        block.Subject.ShouldBe(PaymentBlockSubject.CareProvider);
        (await factory.QueryAsync(db => db.AccessLogEntries.CountAsync(e => e.Action == "risicosignaal bekeken"))).ShouldBeGreaterThan(0);
        ids.AmsterdamSignal.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Operator_SeesEveryGrantorsSignals_ButDecidesNothing()
    {
        var ids = await DemoIds.LoadAsync(factory);
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("operator");

        var (_, list) = await client.GetPageAsync("/beheer/risicosignalen");
        var grantors = list.QuerySelectorAll("[data-testid=signals] tbody tr").Select(r => r.QuerySelectorAll("td")[0].TextContent).Distinct().ToList();
        grantors.ShouldContain("0363");
        grantors.ShouldContain("0344");

        var (status, page) = await client.GetPageAsync($"/beheer/risicosignaal/{ids.UtrechtSignal}");
        status.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=decide]").ShouldBeNull();
        (await client.Http.GetAsync(new Uri($"/verstrekker/risicosignaal/{ids.UtrechtSignal}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Employee_SeesOnlyTheirGrantorsSignals()
    {
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("medewerker.utrecht");
        var (_, list) = await client.GetPageAsync("/verstrekker/risicosignalen");
        var ids = await DemoIds.LoadAsync(factory);
        var links = list.QuerySelectorAll("[data-testid=signals] a").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldContain($"/verstrekker/risicosignaal/{ids.UtrechtSignal}");
        links.ShouldNotContain($"/verstrekker/risicosignaal/{ids.AmsterdamSignal}");
    }

    [Fact]
    public async Task TwentyDecisionsPostedAtOnce_OneIsKept_AndNoneFails()
    {
        var ids = await DemoIds.LoadAsync(factory);
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("medewerker.utrecht");
        var url = $"/verstrekker/risicosignaal/{ids.UtrechtSignal}";

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            client.PostFormAsync(url, new() { ["Decision"] = nameof(RiskDecisionKind.NoRisk), ["Reason"] = $"gelijktijdig {i}" })));

        responses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.Redirect || s == HttpStatusCode.OK);
        responses.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1);
        (await factory.QueryAsync(db => db.RiskDecisions.CountAsync(d => d.RiskSignalId == ids.UtrechtSignal))).ShouldBe(1);
    }
}
