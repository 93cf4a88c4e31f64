using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Payments;
using OpenPgb.EndToEnd.Tests.Support;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.EndToEnd.Tests;

/// <summary>
/// Two web nodes on one PostgreSQL database behind nginx (the shipped configuration). A provider submits a claim; the
/// budget holder signs in, and the node that signed them in is killed with SIGKILL. The rest of the journey (the claim
/// list, the approval) goes to the other node without signing in again: the session, the cookie's key ring and the
/// antiforgery keys are in the database. The daily payment run, scheduled on both nodes, fires exactly once in the
/// cluster and pays the approved claim (on a banking day).
/// </summary>
public sealed class TwoNodeTests(BrowserFixture browser, ITestOutputHelper output)
{
    // Long enough for both nodes to start and the journey to end before the daily run fires.
    private static readonly TimeSpan DailyRunAfter = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Journey_ThroughNginx_SurvivesAKilledNode_AndTheDailyJobRunsOnce()
    {
        var now = await AwayFromMidnightAsync();
        var dailyRunAt = TimeOnly.FromDateTime(now.Add(DailyRunAfter).DateTime);
        var today = DateOnly.FromDateTime(now.DateTime);
        await using var database = await TestDatabase.CreateAsync();
        var settings = new Dictionary<string, string>
        {
            ["Payments__DailyRunEnabled"] = "true",
            ["Payments__DailyRunAt"] = dailyRunAt.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            ["Security__TrustedProxies__0"] = "127.0.0.1",
        };
        await using var first = await PortalServer.StartNodeAsync(database.ConnectionString, new Dictionary<string, string>(settings) { ["Demo__SeedOnStartup"] = "true" });
        await using var second = await PortalServer.StartNodeAsync(database.ConnectionString, new Dictionary<string, string>(settings) { ["Demo__SeedOnStartup"] = "false" });
        await using var nginx = await NginxBalancer.StartAsync([first.BaseAddress, second.BaseAddress]);
        var nodes = new Dictionary<string, PortalServer>(StringComparer.Ordinal)
        {
            [first.BaseAddress.Authority] = first,
            [second.BaseAddress.Authority] = second,
        };

        const string invoice = "TWEE-0001";
        await SubmitClaimAsync(nginx.BaseAddress, today, invoice);

        await using var context = await browser.Browser.NewContextAsync();
        var holder = await context.NewPageAsync();
        var answeredBy = new List<string>();
        holder.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "document" && response.Headers.TryGetValue(NginxBalancer.NodeHeader.ToLowerInvariant(), out var node))
            {
                lock (answeredBy)
                {
                    answeredBy.Add(node);
                }
            }
        };

        // Sign in, and note which node issued the session cookie.
        var login = await holder.RunAndWaitForResponseAsync(
            () => holder.LoginAsync(nginx.BaseAddress, "budgethouder"),
            r => r.Request.Method == "POST" && r.Url.Contains("/account/inloggen", StringComparison.Ordinal));
        var signedInBy = (await login.HeaderValueAsync(NginxBalancer.NodeHeader)).ShouldNotBeNull();
        var survivor = nodes.Single(n => n.Key != signedInBy).Value;
        output.WriteLine($"signed in by {signedInBy}; killing it, {survivor.BaseAddress.Authority} carries on");

        await nodes[signedInBy].KillAsync();
        lock (answeredBy)
        {
            answeredBy.Clear();
        }

        // The rest of the journey, on the other node, with the same cookie.
        await holder.GotoAsync(new Uri(nginx.BaseAddress, "/budgethouder/declaraties").ToString());
        holder.Url.ShouldNotContain("/account/inloggen");
        (await holder.GetByTestId($"waiting-{invoice}").TextContentAsync())!.ShouldContain("€ 60,00");
        await holder.GetByTestId($"approve-{invoice}").ClickAsync();
        (await holder.GetByTestId("flash-success").TextContentAsync())!.ShouldContain("goedgekeurd");
        (await holder.GetByTestId($"claim-{invoice}").TextContentAsync())!.ShouldContain("Goedgekeurd");
        holder.Url.ShouldNotContain("/account/inloggen");
        lock (answeredBy)
        {
            answeredBy.ShouldNotBeEmpty();
            answeredBy.ShouldAllBe(node => node.EndsWith(survivor.BaseAddress.Authority, StringComparison.Ordinal));
        }

        var journeyEnded = DateTimeOffset.UtcNow.ToAmsterdam();
        TimeOnly.FromDateTime(journeyEnded.DateTime).ShouldBeLessThan(dailyRunAt, "the journey must end before the daily run fires; raise DailyRunAfter");

        // The daily run: one firing in the cluster, recorded in Quartz's shared execution history.
        var firings = await WaitForFiringsAsync(database.ConnectionString, "daily-payment-run", now.Add(DailyRunAfter).AddSeconds(90));
        firings.ShouldBe(1);
        await Task.Delay(TimeSpan.FromSeconds(5));
        (await CountFiringsAsync(database.ConnectionString, "daily-payment-run")).ShouldBe(1);

        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        var dailyRuns = await db.PaymentRuns.Where(r => r.Kind == PaymentRunKind.Daily && r.BusinessDate == today).ToListAsync();
        var claim = await db.Claims.SingleAsync(c => c.InvoiceNumber == invoice);
        if (BankingCalendar.IsBankingDay(today))
        {
            dailyRuns.ShouldHaveSingleItem().Status.ShouldBe(PaymentRunStatus.Completed);
            (await ClaimStates.OfAsync(db, claim, CancellationToken.None)).ShouldBe(ClaimStatus.Paid);
        }
        else
        {
            dailyRuns.ShouldBeEmpty();
            claim.Status.ShouldBe(ClaimStatus.Approved);
        }
    }

    private async Task SubmitClaimAsync(Uri baseAddress, DateOnly today, string invoice)
    {
        await using var context = await browser.Browser.NewContextAsync();
        var provider = await context.NewPageAsync();
        await provider.LoginAsync(baseAddress, "zorgverlener");
        await provider.GotoAsync(new Uri(baseAddress, "/zorgverlener/declaratie/nieuw").ToString());
        var agreement = provider.Locator("#agreement option", new() { HasTextRegex = new Regex("€ 40,00 per uur") }).First;
        await provider.GetByLabel("Zorgovereenkomst").SelectOptionAsync((await agreement.GetAttributeAsync("value"))!);
        await provider.GetByTestId("choose-agreement").ClickAsync();
        var day = new DateOnly(today.Year, today.Month, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await provider.GetByLabel("Eerste dag van de periode").FillAsync(day);
        await provider.GetByLabel("Laatste dag van de periode (zelfde maand)").FillAsync(day);
        await provider.GetByLabel("Aantal eenheden (uren, dagdelen, dagen)").FillAsync("1,5");
        await provider.GetByLabel("Factuurnummer").FillAsync(invoice);
        await provider.GetByLabel("Factuurdatum").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await provider.GetByTestId("submit-claim").ClickAsync();
        (await provider.GetByTestId("flash-success").TextContentAsync())!.ShouldContain(invoice);
    }

    /// <summary>Now in Amsterdam, at least three minutes away from midnight (a daily trigger near it would be ambiguous).</summary>
    private static async Task<DateTimeOffset> AwayFromMidnightAsync()
    {
        var now = DateTimeOffset.UtcNow.ToAmsterdam();
        var untilMidnight = now.Date.AddDays(1) - now.DateTime;
        if (untilMidnight < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(untilMidnight + TimeSpan.FromSeconds(5));
            now = DateTimeOffset.UtcNow.ToAmsterdam();
        }

        return now;
    }

    private static async Task<long> WaitForFiringsAsync(string connectionString, string job, DateTimeOffset until)
    {
        while (DateTimeOffset.UtcNow < until)
        {
            var firings = await CountFiringsAsync(connectionString, job);
            if (firings > 0)
            {
                return firings;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        throw new TimeoutException($"The job {job} did not fire by {until:O}.");
    }

    private static async Task<long> CountFiringsAsync(string connectionString, string job)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from qrtz_execution_history where job_name = @job", connection);
        command.Parameters.AddWithValue("job", job);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
