using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Audit;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Grants;
using OpenPgb.Testing;
using OpenPgb.Web.Tests.Support;
using Shouldly;

namespace OpenPgb.Web.Tests;

/// <summary>Care agreements through the portal: the journey, representatives' rights, providers, chain authorisation and the print street.</summary>
public sealed class AgreementPortalTests(OpenPgbWebFactory factory) : IClassFixture<OpenPgbWebFactory>
{
    [Fact]
    public async Task Journey_DraftSignSignApprove_LetterReachesTheBudgetHolder()
    {
        var ids = await DemoIds.LoadAsync(factory);
        var (code, start, end) = await FirstBudgetAsync(ids.OwnGrant);
        var providerId = await ProviderIdAsync("zorgverlener");
        using var holder = factory.CreatePortalClient();
        await holder.LoginAsync("budgethouder");

        var draftUrl = $"/budgethouder/zorgovereenkomst/nieuw?toekenning={ids.OwnGrant}&zoek=68750110&zorgverlener={providerId}";
        var drafted = await holder.PostFormAsync(draftUrl, new()
        {
            ["Form.Type"] = nameof(AgreementType.Assignment),
            ["Form.CareFunctionCodes"] = code,
            ["Form.StartDate"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Form.EndDate"] = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Form.TariffUnit"] = nameof(TariffUnit.Hour),
            ["Form.Tariff"] = "41,25",
            ["Form.ExpectedUnitsPerMonth"] = "12",
        });
        drafted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var agreementUrl = drafted.Headers.Location!.ToString();
        var id = long.Parse(agreementUrl.Split('/')[^1], CultureInfo.InvariantCulture);

        using var provider = factory.CreatePortalClient();
        await provider.LoginAsync("zorgverlener");
        (await provider.PostFormAsync($"/zorgverlener/zorgovereenkomst/{id}", new() { ["Akkoord"] = "true" }, "Sign")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await holder.PostFormAsync(agreementUrl, new() { ["Akkoord"] = "true" }, "Sign")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var employee = factory.CreatePortalClient();
        await employee.LoginAsync("medewerker.amsterdam");
        var taskId = await factory.QueryAsync(db => db.WorkTasks.Where(t => t.SubjectId == id && t.Status == Core.WorkTasks.WorkTaskStatus.Open).Select(t => t.Id).SingleAsync());
        var (_, tasks) = await employee.GetPageAsync("/verstrekker/werktaken?sorteer=Created");
        tasks.QuerySelector($"[data-testid=task-{taskId}]").ShouldNotBeNull();
        var open = await employee.Http.GetAsync(new Uri($"/verstrekker/werktaak/{taskId}", UriKind.Relative));
        open.Headers.Location!.ToString().ShouldBe($"/verstrekker/zorgovereenkomst/{id}");
        var (_, assessment) = await employee.GetPageAsync($"/verstrekker/zorgovereenkomst/{id}");
        assessment.QuerySelector("[data-testid=maximum-tariff]")!.TextContent.ShouldContain("€ 65,00");
        (await employee.PostFormAsync($"/verstrekker/zorgovereenkomst/{id}", new() { ["Decision"] = "Approve" }, "Assess")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (_, agreementPage) = await holder.GetPageAsync(agreementUrl);
        agreementPage.QuerySelector("[data-testid=agreement-status]")!.TextContent.ShouldBe("Goedgekeurd");
        var letterId = await factory.QueryAsync(db => db.Letters.Where(l => l.CareAgreementId == id).Select(l => l.Id).SingleAsync());
        var (_, letters) = await holder.GetPageAsync("/budgethouder/berichten");
        letters.QuerySelector($"[data-testid=letter-{letterId}]").ShouldNotBeNull();
        var (_, readable) = await holder.GetPageAsync($"/budgethouder/brief/{letterId}");
        var html = readable.QuerySelector("[data-testid=letter-text]")!.TextContent;
        html.ShouldContain("goedgekeurd");
        html.ShouldContain("€ 41,25 per uur");
        var pdf = await holder.Http.GetAsync(new Uri($"/budgethouder/brief/{letterId}?handler=Pdf", UriKind.Relative));
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var text = await PdfText.ExtractAsync(await pdf.Content.ReadAsByteArrayAsync());
        text.ShouldContain("Gemeente Amsterdam");
        text.ShouldContain("goedgekeurd");
        text.ShouldContain("€ 41,25 per uur");

        // The employee's look at the agreement is on the holder's "who saw my data" page.
        var (_, log) = await holder.GetPageAsync("/budgethouder/inzage");
        log.QuerySelector("[data-testid=access-log]")!.TextContent.ShouldContain("zorgovereenkomst bekeken");
    }

    [Fact]
    public async Task Draft_WithTariffInWrongFormat_ShowsDutchMessageAndStoresNothing()
    {
        var ids = await DemoIds.LoadAsync(factory);
        var (code, start, end) = await FirstBudgetAsync(ids.OwnGrant);
        var providerId = await ProviderIdAsync("zorgverlener");
        var before = await factory.QueryAsync(db => db.CareAgreements.CountAsync());
        using var holder = factory.CreatePortalClient();
        await holder.LoginAsync("budgethouder");

        var response = await holder.PostFormAsync($"/budgethouder/zorgovereenkomst/nieuw?toekenning={ids.OwnGrant}&zoek=68750110&zorgverlener={providerId}", new()
        {
            ["Form.Type"] = nameof(AgreementType.Assignment),
            ["Form.CareFunctionCodes"] = code,
            ["Form.StartDate"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Form.EndDate"] = end.AddYears(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Form.TariffUnit"] = nameof(TariffUnit.Hour),
            ["Form.Tariff"] = "41,25",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PortalClient.ParseAsync(response)).QuerySelector(".alert-error")!.TextContent.ShouldContain("binnen de toekenning");
        (await factory.QueryAsync(db => db.CareAgreements.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task StaffReads_OfHolderGrantAndMessage_AreInTheAccessLog()
    {
        var ids = await DemoIds.LoadAsync(factory);
        using var employee = factory.CreatePortalClient();
        await employee.LoginAsync("medewerker.amsterdam");

        foreach (var url in new[] { $"/verstrekker/budgethouder/{ids.AmsterdamHolder}", $"/verstrekker/toekenning/{ids.AmsterdamGrant}", $"/verstrekker/bericht/{ids.AmsterdamMessage}" })
        {
            (await employee.GetPageAsync(url)).Status.ShouldBe(HttpStatusCode.OK);
        }

        var rows = await factory.QueryAsync(db => db.AccessLogEntries.Where(e => e.BudgetHolderId == ids.AmsterdamHolder && e.Event == AccessEvent.Read).ToListAsync());
        foreach (var action in new[] { "budgethouder bekeken", "toekenning bekeken", "bericht bekeken" })
        {
            rows.ShouldContain(r => r.Action == action);
        }

        rows.ShouldAllBe(r => r.Role == "GrantorEmployee" && r.GrantorId != null);
    }

    [Fact]
    public async Task ReadOnlyRepresentative_SeesTheAgreementButCannotSign()
    {
        var (grantId, holderBsn) = await RepresentedGrantAsync("vertegenwoordiger.lezen", RepresentativeRights.Read);
        var id = await DraftOnAsync(grantId, holderBsn);
        using var reader = factory.CreatePortalClient();
        await reader.LoginAsync("vertegenwoordiger.lezen");

        var (status, page) = await reader.GetPageAsync($"/budgethouder/zorgovereenkomst/{id}");
        status.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("[data-testid=read-only]").ShouldNotBeNull();
        page.QuerySelector("[data-testid=sign]").ShouldBeNull();

        var response = await reader.PostFormAsync($"/budgethouder/zorgovereenkomst/{id}", new() { ["Akkoord"] = "true" }, "Sign", "/account/tweestapsverificatie");
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.QueryAsync(db => db.CareAgreementVersions.Where(v => v.CareAgreementId == id).Select(v => v.Status).SingleAsync())).ShouldBe(AgreementStatus.Draft);
    }

    [Fact]
    public async Task ReadOnlyRepresentative_IsNotOfferedTheWizard_AndCannotInviteAProvider()
    {
        var (grantId, _) = await RepresentedGrantAsync("vertegenwoordiger.lezen", RepresentativeRights.Read);
        var before = await factory.QueryAsync(db => db.CareProviders.CountAsync());
        using var reader = factory.CreatePortalClient();
        await reader.LoginAsync("vertegenwoordiger.lezen");

        (await reader.Http.GetAsync(new Uri($"/budgethouder/zorgovereenkomst/nieuw?toekenning={grantId}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var invite = await reader.PostFormAsync($"/budgethouder/zorgovereenkomst/nieuw?toekenning={grantId}", new()
        {
            ["Invitation.Kind"] = "Person",
            ["Invitation.Name"] = "Ingeschoven Zorg",
            ["Invitation.Street"] = "Straat",
            ["Invitation.HouseNumber"] = "1",
            ["Invitation.PostalCode"] = "1011AB",
            ["Invitation.City"] = "Amsterdam",
            ["Invitation.Iban"] = "NL91ABNA0417164300",
        }, "Invite", "/account/tweestapsverificatie");

        invite.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.QueryAsync(db => db.CareProviders.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Wizard_InvitationRefused_ShowsOnlyTheInvitationsError_NotTheNextStepsFields()
    {
        var ids = await DemoIds.LoadAsync(factory);
        using var holder = factory.CreatePortalClient();
        await holder.LoginAsync("budgethouder");

        var response = await holder.PostFormAsync($"/budgethouder/zorgovereenkomst/nieuw?toekenning={ids.OwnGrant}&zoek=onbekend", new()
        {
            ["Invitation.Kind"] = "Person",
            ["Invitation.Name"] = string.Empty,
        }, "Invite");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await PortalClient.ParseAsync(response);
        var errors = page.QuerySelectorAll("[data-testid=error-summary] li").Select(li => li.TextContent.Trim()).ToList();
        errors.Count.ShouldBe(1, string.Join(" | ", errors));
        errors[0].ShouldNotContain("soort overeenkomst");
    }

    [Fact]
    public async Task Wizard_ShowsOnlyAProviderTheSearchFound_NeverOneByIdAlone()
    {
        var ids = await DemoIds.LoadAsync(factory);
        var carer = await ProviderIdAsync("mantelzorger");
        using var holder = factory.CreatePortalClient();
        await holder.LoginAsync("budgethouder");

        var (status, byId) = await holder.GetPageAsync($"/budgethouder/zorgovereenkomst/nieuw?toekenning={ids.OwnGrant}&zorgverlener={carer}");
        var (_, otherSearch) = await holder.GetPageAsync($"/budgethouder/zorgovereenkomst/nieuw?toekenning={ids.OwnGrant}&zoek=68750110&zorgverlener={carer}");

        status.ShouldBe(HttpStatusCode.OK);
        byId.Body!.TextContent.ShouldNotContain("A. de Boer");
        otherSearch.Body!.TextContent.ShouldNotContain("A. de Boer");
    }

    [Fact]
    public async Task Signing_WithoutTickingAgreement_IsNotDone_AndSaysWhy()
    {
        var ids = await DemoIds.LoadAsync(factory);
        var holderBsn = await factory.QueryAsync(db => db.Grants.Where(g => g.Id == ids.OwnGrant).Select(g => g.BudgetHolder!.Bsn).SingleAsync());
        var id = await DraftOnAsync(ids.OwnGrant, holderBsn);
        using var holder = factory.CreatePortalClient();
        await holder.LoginAsync("budgethouder");

        var response = await holder.PostFormAsync($"/budgethouder/zorgovereenkomst/{id}", [], "Sign");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PortalClient.ParseAsync(response)).GetElementById("Akkoord-fout")!.TextContent.ShouldContain("akkoord");
        (await factory.QueryAsync(db => db.CareAgreementVersions.Where(v => v.CareAgreementId == id).Select(v => v.Status).SingleAsync())).ShouldBe(AgreementStatus.Draft);
    }

    [Fact]
    public async Task WriteRepresentative_SignsForTheHolder_AuditedAsXForY()
    {
        var (grantId, holderBsn) = await RepresentedGrantAsync("vertegenwoordiger", RepresentativeRights.ReadWrite);
        var id = await DraftOnAsync(grantId, holderBsn);
        using var representative = factory.CreatePortalClient();
        await representative.LoginAsync("vertegenwoordiger");

        (await representative.PostFormAsync($"/budgethouder/zorgovereenkomst/{id}", new() { ["Akkoord"] = "true" }, "Sign")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var signedBy = await factory.QueryAsync(db => db.CareAgreementVersions.Where(v => v.CareAgreementId == id).Select(v => v.SignedByHolderName).SingleAsync());
        signedBy.ShouldNotBeNull().ShouldContain(" voor ");
        var row = await factory.QueryAsync(db => db.AccessLogEntries.OrderByDescending(e => e.Sequence).FirstAsync(e => e.Action == "zorgovereenkomst ondertekend door budgethouder"));
        row.OnBehalfOf.ShouldNotBeNull();
    }

    [Fact]
    public async Task Provider_CannotSeeOrSignAnotherProvidersAgreement()
    {
        var ids = await DemoIds.LoadAsync(factory);
        using var carer = factory.CreatePortalClient();
        await carer.LoginAsync("mantelzorger");

        (await carer.GetPageAsync($"/zorgverlener/zorgovereenkomst/{ids.OwnAgreement}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await carer.PostFormAsync($"/zorgverlener/zorgovereenkomst/{ids.OwnAgreement}", new() { ["Akkoord"] = "true" }, "Sign", "/account/tweestapsverificatie")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Employee_AssessingAnotherGrantorsAgreement_Gets404()
    {
        var ids = await DemoIds.LoadAsync(factory);
        using var employee = factory.CreatePortalClient();
        await employee.LoginAsync("medewerker.amsterdam");

        var response = await employee.PostFormAsync($"/verstrekker/zorgovereenkomst/{ids.UtrechtAgreement}", new() { ["Decision"] = "Approve" }, "Assess", "/account/tweestapsverificatie");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ChainAuthorisation_SwitchingGrantor_ChangesWhatIsVisible_WithoutLoggingOut()
    {
        var ids = await DemoIds.LoadAsync(factory);
        var grantorIds = await factory.QueryAsync(db => db.Grantors.ToDictionaryAsync(g => g.Code, g => g.Id));
        var amsterdamAgreement = await factory.QueryAsync(db => db.CareAgreements.Where(a => a.GrantorId == grantorIds["0363"]).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        using var shared = factory.CreatePortalClient();
        await shared.LoginAsync("medewerker.samenwerking");

        var (_, start) = await shared.GetPageAsync("/verstrekker");
        start.QuerySelector("[data-testid=active-grantor]")!.TextContent.ShouldContain("Gemeente Amsterdam");
        (await shared.GetPageAsync($"/verstrekker/zorgovereenkomst/{amsterdamAgreement}")).Status.ShouldBe(HttpStatusCode.OK);
        (await shared.GetPageAsync($"/verstrekker/zorgovereenkomst/{ids.UtrechtAgreement}")).Status.ShouldBe(HttpStatusCode.NotFound);

        var switched = await shared.PostFormAsync("/verstrekker/wissel", new() { ["grantorId"] = grantorIds["0344"].ToString(CultureInfo.InvariantCulture) }, formPageUrl: "/verstrekker");
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (_, after) = await shared.GetPageAsync("/verstrekker");
        after.QuerySelector("[data-testid=active-grantor]")!.TextContent.ShouldContain("Gemeente Utrecht");
        (await shared.GetPageAsync($"/verstrekker/zorgovereenkomst/{ids.UtrechtAgreement}")).Status.ShouldBe(HttpStatusCode.OK);
        (await shared.GetPageAsync($"/verstrekker/zorgovereenkomst/{amsterdamAgreement}")).Status.ShouldBe(HttpStatusCode.NotFound);
        var (_, tasks) = await shared.GetPageAsync("/verstrekker/werktaken?status=");
        tasks.QuerySelector($"[data-testid=task-{ids.AmsterdamTask}]").ShouldBeNull();

        // A grantor the employee does not serve cannot be switched to.
        var refused = await shared.PostFormAsync("/verstrekker/wissel", new() { ["grantorId"] = grantorIds["5501"].ToString(CultureInfo.InvariantCulture) }, formPageUrl: "/verstrekker");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ProviderRegistration_Anonymous_ValidatesIbanAndCreatesALogin()
    {
        using var anonymous = factory.CreatePortalClient();
        (await anonymous.GetPageAsync("/zorgverlener/registreren")).Status.ShouldBe(HttpStatusCode.OK);
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Organisation",
            ["Input.Name"] = "Thuiszorg Test B.V.",
            ["Input.KvkNumber"] = "87654321",
            ["Input.Street"] = "Teststraat",
            ["Input.HouseNumber"] = "5",
            ["Input.PostalCode"] = "3511 AB",
            ["Input.City"] = "Utrecht",
            ["Input.Iban"] = "NL91ABNA0417164301",
            ["Input.ContactName"] = "T. Tester",
            ["Input.Password"] = "Een-lang-wachtwoord-1",
        };

        var refused = await anonymous.PostFormAsync("/zorgverlener/registreren", new(fields));
        (await PortalClient.ParseAsync(refused)).QuerySelector(".alert-error")!.TextContent.ShouldContain("controlecijfers");

        fields["Input.Iban"] = "NL44 RABO 0123 4567 89";
        var registered = await PortalClient.ParseAsync(await anonymous.PostFormAsync("/zorgverlener/registreren", new(fields)));
        var providerNumber = registered.QuerySelector("[data-testid=provider-number]")!.TextContent;
        providerNumber.ShouldStartWith("ZV");

        // The login name is assigned (the provider number), never chosen: no form can tell which names exist.
        var userName = registered.QuerySelector("[data-testid=assigned-user-name]")!.TextContent;
        userName.ShouldBe(providerNumber.ToLowerInvariant());
        using var provider = factory.CreatePortalClient();
        var login = await provider.PostFormAsync("/account/inloggen", new() { ["UserName"] = userName, ["Password"] = "Een-lang-wachtwoord-1" });
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await provider.GetPageAsync("/zorgverlener")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ProviderUser_AddsAColleague_WhoCanLogIn()
    {
        using var provider = factory.CreatePortalClient();
        await provider.LoginAsync("zorgverlener");

        var added = await provider.PostFormAsync("/zorgverlener/gebruikers", new() { ["DisplayName"] = "N. Nieuw", ["Password"] = "Nog-een-lang-wachtwoord-2" });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, page) = await provider.GetPageAsync("/zorgverlener/gebruikers");
        var providerNumber = await factory.QueryAsync(db => db.CareProviders.Where(p => p.KvkNumber == "68750110").Select(p => p.ProviderNumber).SingleAsync());
        var userName = page.QuerySelector("[data-testid=assigned-user-name]")!.TextContent;
        userName.ShouldStartWith(providerNumber.ToLowerInvariant());
        page.QuerySelector("[data-testid=provider-users]")!.TextContent.ShouldContain($"N. Nieuw ({userName})");

        using var colleague = factory.CreatePortalClient();
        var login = await colleague.PostFormAsync("/account/inloggen", new() { ["UserName"] = userName, ["Password"] = "Nog-een-lang-wachtwoord-2" });
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var ids = await DemoIds.LoadAsync(factory);
        (await colleague.GetPageAsync($"/zorgverlener/zorgovereenkomst/{ids.OwnAgreement}")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PrintStreet_OperatorDownloadsBatchAndMarksItPrinted()
    {
        using var operatorClient = factory.CreatePortalClient();
        await operatorClient.LoginAsync("operator");
        var waiting = await factory.QueryAsync(db => db.Letters.Where(l => l.Route == Core.Letters.PrintRoute.PrintStreet && l.PrintStatus == Core.Letters.PrintStatus.AwaitingPrint).Select(l => l.Id).ToListAsync());
        waiting.ShouldNotBeEmpty();

        var batch = await operatorClient.Http.GetAsync(new Uri("/beheer/printstraat?handler=Batch", UriKind.Relative));
        batch.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await PdfText.ExtractAsync(await batch.Content.ReadAsByteArrayAsync())).ShouldContain("zorgovereenkomst");

        var marked = await operatorClient.PostFormAsync("/beheer/printstraat", new() { ["firstId"] = waiting.Min().ToString(CultureInfo.InvariantCulture), ["lastId"] = waiting.Max().ToString(CultureInfo.InvariantCulture) }, "Printed");
        marked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.QueryAsync(db => db.Letters.CountAsync(l => waiting.Contains(l.Id) && l.PrintStatus == Core.Letters.PrintStatus.Printed))).ShouldBe(waiting.Count);
    }

    private Task<(string Code, DateOnly Start, DateOnly End)> FirstBudgetAsync(long grantId) => factory.QueryAsync(async db =>
    {
        var budget = await db.GrantVersions.Where(v => v.GrantId == grantId && v.IsCurrent).SelectMany(v => v.CareFunctionBudgets).OrderBy(b => b.StartDate).FirstAsync();
        return (budget.CareFunctionCode == CareFunctionCodes.WholePackage ? "02" : budget.CareFunctionCode, budget.StartDate, budget.EndDate);
    });

    private Task<long> ProviderIdAsync(string userName) =>
        factory.QueryAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.CareProviderId!.Value).SingleAsync());

    // A grant the user represents with exactly these rights (the same person may represent others differently).
    private Task<(long GrantId, string HolderBsn)> RepresentedGrantAsync(string userName, RepresentativeRights rights) => factory.QueryAsync(async db =>
    {
        var bsn = await db.Users.Where(u => u.UserName == userName).Select(u => u.Bsn).SingleAsync();
        var grantId = await db.GrantVersions.Where(v => v.IsCurrent && v.Representatives.Any(r => r.Bsn == bsn && r.Rights == rights)).Select(v => v.GrantId).FirstAsync();
        var holderBsn = await db.Grants.Where(g => g.Id == grantId).Select(g => g.BudgetHolder!.Bsn).SingleAsync();
        return (grantId, holderBsn);
    });

    private async Task<long> DraftOnAsync(long grantId, string holderBsn)
    {
        var (code, start, end) = await FirstBudgetAsync(grantId);
        var providerId = await ProviderIdAsync("zorgverlener");
        await using var scope = factory.SystemScope();
        var service = scope.ServiceProvider.GetRequiredService<CareAgreementService>();
        var terms = new CareAgreementTerms(AgreementType.Assignment, [code], start, end, TariffUnit.Hour, 3_000, 10, null, null);
        return await service.DraftAsync(Actor.Citizen("test-holder", "Budgethouder", holderBsn), grantId, providerId, terms, CancellationToken.None);
    }
}
