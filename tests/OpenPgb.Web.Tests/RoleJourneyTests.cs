using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Grants;
using OpenPgb.Web.Tests.Support;
using Shouldly;

namespace OpenPgb.Web.Tests;

/// <summary>
/// What each role missed in the probes: representatives land on the person they represent and see that person's
/// agreements, claims and letters (a read-only one is offered no write journey); an employee's budget-holder page
/// shows the same; a page of the other grantor hints at switching; counts read as Dutch.
/// </summary>
public sealed class RoleJourneyTests(OpenPgbWebFactory factory) : IClassFixture<OpenPgbWebFactory>
{
    [Fact]
    public async Task Representative_WithoutABudgetOfTheirOwn_LandsOnTheRepresentedBudget_WithItsAgreementsClaimsAndLetters()
    {
        var ids = await DemoIds.LoadAsync(factory);
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("vertegenwoordiger");

        var start = await client.Http.GetAsync(new Uri("/", UriKind.Relative));

        start.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        start.Headers.Location!.OriginalString.ShouldBe($"/vertegenwoordiger/budget/{ids.RepresentedGrant}");
        var (status, page) = await client.GetPageAsync($"/vertegenwoordiger/budget/{ids.RepresentedGrant}");
        status.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=grant-activity]").ShouldNotBeNull();
        page.QuerySelector("[data-testid=write-journeys]").ShouldNotBeNull("read-write: the budget page offers a new agreement");
        var agreements = await factory.QueryAsync(db => db.CareAgreements.Where(a => a.GrantId == ids.RepresentedGrant).Select(a => a.Id).ToListAsync());
        foreach (var agreement in agreements)
        {
            page.QuerySelector($"a[href='/budgethouder/zorgovereenkomst/{agreement}']").ShouldNotBeNull($"agreement {agreement} is listed");
        }

        var (_, own) = await client.GetPageAsync("/budgethouder");
        own.QuerySelector($"[data-testid=represented] a[href='/vertegenwoordiger/budget/{ids.RepresentedGrant}']").ShouldNotBeNull("Mijn budget points to the represented person");
    }

    [Fact]
    public async Task ReadOnlyRepresentative_IsOfferedNoWriteJourney_AndCannotApprove()
    {
        var grant = await factory.QueryAsync(async db =>
        {
            var bsn = await db.Users.Where(u => u.UserName == "vertegenwoordiger.lezen").Select(u => u.Bsn).SingleAsync();
            return await db.Set<GrantAccess>().Where(a => a.Bsn == bsn).Select(a => a.GrantId).FirstAsync();
        });
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("vertegenwoordiger.lezen");

        var (_, budget) = await client.GetPageAsync($"/vertegenwoordiger/budget/{grant}");
        budget.QuerySelector("[data-testid=read-only]").ShouldNotBeNull();
        budget.QuerySelector("[data-testid=write-journeys]").ShouldBeNull();
        budget.QuerySelector("[data-testid=grant-activity]").ShouldNotBeNull("reading is what this representative may do");

        var (_, claims) = await client.GetPageAsync("/budgethouder/declaraties");
        claims.QuerySelector("[data-testid=approve-all]").ShouldBeNull();
        claims.QuerySelectorAll("[data-testid^=approve-]").Length.ShouldBe(0);
        claims.QuerySelector("a[href='/budgethouder/declaratie/nieuw']").ShouldBeNull();

        var (_, agreements) = await client.GetPageAsync("/budgethouder/zorgovereenkomsten");
        agreements.QuerySelector("form[action='/budgethouder/zorgovereenkomst/nieuw']").ShouldBeNull();

        var (_, claimForm) = await client.GetPageAsync("/budgethouder/declaratie/nieuw");
        claimForm.QuerySelectorAll("select[name='Form.AgreementId'] option").Length.ShouldBe(0, "no agreement to claim on for a reader");
    }

    [Fact]
    public async Task Employee_BudgetHolderPage_ShowsAgreementsClaimsWithPaymentsAndLetters()
    {
        // The demo budget holder has agreements, claims and letters; the employee of that holder's grantor looks.
        var ids = await DemoIds.LoadAsync(factory);
        var expected = await factory.QueryAsync(async db =>
        {
            var grant = await db.Grants.Where(g => g.Id == ids.OwnGrant).Select(g => new { g.BudgetHolderId, g.Grantor!.Code }).SingleAsync();
            return new
            {
                grant.BudgetHolderId,
                Employee = grant.Code switch { "0363" => "medewerker.amsterdam", "0344" => "medewerker.utrecht", _ => "medewerker.zorgkantoor" },
                Agreements = await db.CareAgreements.Where(a => a.BudgetHolderId == grant.BudgetHolderId).Select(a => a.Id).ToListAsync(),
                Letters = await db.Letters.Where(l => l.BudgetHolderId == grant.BudgetHolderId).Select(l => l.Id).ToListAsync(),
                Claims = await db.Claims.Where(c => c.BudgetHolderId == grant.BudgetHolderId).Select(c => c.InvoiceNumber).ToListAsync(),
            };
        });
        using var client = factory.CreatePortalClient();
        await client.LoginAsync(expected.Employee);

        var (status, page) = await client.GetPageAsync($"/verstrekker/budgethouder/{expected.BudgetHolderId}");

        status.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=grant-activity]").ShouldNotBeNull();
        foreach (var agreement in expected.Agreements)
        {
            page.QuerySelector($"a[href='/verstrekker/zorgovereenkomst/{agreement}']").ShouldNotBeNull();
        }

        foreach (var letter in expected.Letters)
        {
            page.QuerySelector($"a[href='/verstrekker/brief/{letter}']").ShouldNotBeNull();
        }

        foreach (var invoice in expected.Claims)
        {
            page.QuerySelector($"[data-testid='claim-{invoice}']").ShouldNotBeNull();
        }

        expected.Agreements.ShouldNotBeEmpty();
        expected.Letters.ShouldNotBeEmpty();
        expected.Claims.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task PageOfTheOtherGrantor_Says404_AndOffersTheSwitch_WhichLeadsBackToThePage()
    {
        var ids = await DemoIds.LoadAsync(factory);
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("medewerker.samenwerking");
        var (_, start) = await client.GetPageAsync("/verstrekker");
        var active = start.QuerySelector("[data-testid=active-grantor]")!.TextContent;
        var (holder, grantorName) = active.Contains("Amsterdam", StringComparison.Ordinal) ? (ids.UtrechtHolder, "Utrecht") : (ids.AmsterdamHolder, "Amsterdam");
        var url = $"/verstrekker/budgethouder/{holder}";

        var (status, notFound) = await client.GetPageAsync(url);

        status.ShouldBe(HttpStatusCode.NotFound);
        var hint = notFound.QuerySelector("[data-testid=switch-hint]")!;
        hint.ShouldNotBeNull();
        var form = hint.QuerySelectorAll("form").Single(f => f.TextContent.Contains(grantorName, StringComparison.Ordinal));
        form.QuerySelector("input[name=terug]")!.GetAttribute("value").ShouldBe(url);
        var fields = form.QuerySelectorAll("input").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
        var switched = await client.Http.PostAsync(new Uri("/verstrekker/wissel", UriKind.Relative), new FormUrlEncodedContent(fields));
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        switched.Headers.Location!.OriginalString.ShouldBe(url);
        (await client.GetPageAsync(url)).Status.ShouldBe(HttpStatusCode.OK);

        using var single = factory.CreatePortalClient();
        await single.LoginAsync("medewerker.amsterdam");
        var (_, plain) = await single.GetPageAsync($"/verstrekker/budgethouder/{ids.UtrechtHolder}");
        plain.QuerySelector("[data-testid=switch-hint]").ShouldBeNull("one grantor: nothing to switch to");
    }

    [Fact]
    public async Task Counts_AreDutch_AndMessageChannelsHaveDutchNames()
    {
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("medewerker.amsterdam");

        var (_, start) = await client.GetPageAsync("/verstrekker");
        var tile = start.QuerySelector("[data-testid=count-tasks-open]")!.ParentElement!.TextContent;
        var open = int.Parse(start.QuerySelector("[data-testid=count-tasks-open]")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
        tile.ShouldContain(open == 1 ? "open taak" : "open taken");
        Plural.Of(1, "open taak", "open taken").ShouldBe("1 open taak");
        Plural.Of(0, "open taak", "open taken").ShouldBe("0 open taken");

        var (_, messages) = await client.GetPageAsync("/verstrekker/berichten");
        var text = messages.QuerySelector("[data-testid=intake-log]")!.TextContent;
        text.ShouldNotContain("Http");
        text.ShouldNotContain("File");
    }

    [Fact]
    public async Task CsvUpload_IsQueued_TheJobSubmitsItsRows_AndTheUploadsPageFollowsItToTheResult()
    {
        var (agreement, careFunction, day) = await AgreementAsync();
        var csv = "overeenkomst;zorgfunctie;begindatum;einddatum;eenheden;factuurnummer;factuurdatum\n"
            + $"{agreement};{careFunction};{day:yyyy-MM-dd};{day:yyyy-MM-dd};1;UPL-Q-1;{day:yyyy-MM-dd}\n"
            + $"{agreement};{careFunction};{day.AddDays(1):yyyy-MM-dd};{day.AddDays(1):yyyy-MM-dd};1;UPL-Q-2;{day:yyyy-MM-dd}\n"
            + $"999999;{careFunction};{day:yyyy-MM-dd};{day:yyyy-MM-dd};1;UPL-Q-3;{day:yyyy-MM-dd}\n";
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("zorgverlener");

        var queued = await UploadAsync(client, csv);

        queued.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var resultUrl = queued.Headers.Location!.OriginalString;
        resultUrl.ShouldStartWith("/zorgverlener/declaraties/upload/");
        var (_, waiting) = await client.GetPageAsync(resultUrl);
        waiting.QuerySelector("[data-testid=upload-progress]")!.GetAttribute("role").ShouldBe("status");

        var progress = await FollowAsync(client, resultUrl);
        progress.GetProperty("status").GetString().ShouldBe("Done");
        progress.GetProperty("tekst").GetString().ShouldBe("Klaar: 2 van 3 regels ingediend.");
        var (_, done) = await client.GetPageAsync(resultUrl);
        var rows = done.QuerySelectorAll("[data-testid=upload-rows] tbody tr").Select(r => r.TextContent).ToList();
        rows.Count.ShouldBe(3);
        rows[2].ShouldContain("Geweigerd");
        (await factory.QueryAsync(db => db.Claims.CountAsync(c => c.InvoiceNumber.StartsWith("UPL-Q-")))).ShouldBe(2);

        // The same file again changes nothing and leads to the earlier result.
        var again = await UploadAsync(client, csv);
        again.Headers.Location!.OriginalString.ShouldBe(resultUrl);
        var (_, list) = await client.GetPageAsync("/zorgverlener/declaraties/upload");
        list.QuerySelector($"[data-testid=recent-uploads] a[href='{resultUrl}']").ShouldNotBeNull();

        // Another provider's user, and every other role, sees nothing of it.
        using var other = factory.CreatePortalClient();
        await other.LoginAsync("mantelzorger");
        (await other.GetPageAsync(resultUrl)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await other.Http.GetAsync(new Uri(resultUrl + "?handler=Voortgang", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreach (var user in new[] { "budgethouder", "medewerker.amsterdam", "operator" })
        {
            using var outsider = factory.CreatePortalClient();
            await outsider.LoginAsync(user);
            (await outsider.GetPageAsync(resultUrl)).Status.ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task CsvUpload_WithoutAFile_SaysSoBesideTheField()
    {
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("zorgverlener");
        var (_, form) = await client.GetPageAsync("/zorgverlener/declaraties/upload");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
        };

        var page = await PortalClient.ParseAsync(await client.Http.PostAsync(new Uri("/zorgverlener/declaraties/upload", UriKind.Relative), content));

        page.QuerySelector("#file")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.QuerySelector("#file-fout")!.TextContent.ShouldContain("Kies een CSV-bestand");
    }

    private static async Task<HttpResponseMessage> UploadAsync(PortalClient client, string csv)
    {
        var (_, form) = await client.GetPageAsync("/zorgverlener/declaraties/upload");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "declaraties.csv" },
        };
        return await client.Http.PostAsync(new Uri("/zorgverlener/declaraties/upload", UriKind.Relative), content);
    }

    private static async Task<JsonElement> FollowAsync(PortalClient client, string resultUrl)
    {
        JsonElement progress = default;
        for (var attempt = 0; attempt < 120; attempt++)
        {
            var response = await client.Http.GetAsync(new Uri(resultUrl + "?handler=Voortgang", UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            progress = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            if (progress.GetProperty("klaar").GetBoolean())
            {
                return progress;
            }

            await Task.Delay(250);
        }

        throw new ShouldAssertException("The background job did not finish the upload within 30 seconds.");
    }

    // The demo provider's approved agreement with the demo budget holder, and two past days of it no claim covers.
    private async Task<(long Agreement, string CareFunction, DateOnly Day)> AgreementAsync() => await factory.QueryAsync(async db =>
    {
        var provider = await db.CareProviders.SingleAsync(p => p.KvkNumber == "68750110");
        var agreement = await db.CareAgreements.Include(a => a.Versions)
            .FirstAsync(a => a.CareProviderId == provider.Id && a.Versions.Any(v => v.Status == AgreementStatus.Approved && v.TariffCents == 4_000));
        var version = agreement.ApprovedVersion!;
        var claimed = await db.Claims.Where(c => c.CareProviderId == provider.Id).Select(c => c.PeriodStart).ToListAsync();
        var yesterday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), OpenPgb.Core.Common.AmsterdamClock.Zone).DateTime).AddDays(-1);
        var day = Enumerable.Range(0, 400).Select(n => yesterday.AddDays(-1 - n))
            .First(d => d >= version.StartDate && d.AddDays(1) <= version.EndDate && !claimed.Contains(d) && !claimed.Contains(d.AddDays(1)));
        return (agreement.Id, version.CareFunctionCodes[0], day);
    });
}
