using System.Net;
using OpenPgb.Web.Tests.Support;
using Shouldly;
using static OpenPgb.Web.Tests.AuthorizationMatrix;

namespace OpenPgb.Web.Tests;

/// <summary>The roles and pages of the authorisation matrix, shared by both databases' runs.</summary>
public static class AuthorizationMatrix
{
    public enum Role
    {
        Anonymous,
        BudgetHolder,
        Representative,
        Employee,
        Operator,
        Provider,
    }

    internal static readonly Dictionary<Role, string> UserNames = new()
    {
        [Role.BudgetHolder] = "budgethouder",
        [Role.Representative] = "vertegenwoordiger",
        [Role.Employee] = "medewerker.amsterdam",
        [Role.Operator] = "operator",
        [Role.Provider] = "zorgverlener",
    };

    // Page template and the roles that may open it ({holder}, {grant}, {message}, {represented} are Amsterdam's).
    internal static readonly Dictionary<string, Role[]> Allowed = new()
    {
        ["/budgethouder"] = [Role.BudgetHolder, Role.Representative],
        ["/vertegenwoordiger"] = [Role.BudgetHolder, Role.Representative],
        ["/vertegenwoordiger/budget/{represented}"] = [Role.Representative],
        ["/verstrekker"] = [Role.Employee],
        ["/verstrekker/budgethouders"] = [Role.Employee],
        ["/verstrekker/budgethouder/{holder}"] = [Role.Employee],
        ["/verstrekker/toekenning/{grant}"] = [Role.Employee],
        ["/verstrekker/berichten"] = [Role.Employee],
        ["/verstrekker/bericht/{message}"] = [Role.Employee],
        ["/beheer/verstrekkers"] = [Role.Operator],
        ["/beheer/tokens"] = [Role.Operator],
        ["/beheer/berichten"] = [Role.Operator],
        ["/beheer/bericht/{message}"] = [Role.Operator],
        ["/budgethouder/zorgovereenkomsten"] = [Role.BudgetHolder, Role.Representative],
        ["/budgethouder/zorgovereenkomst/nieuw?toekenning={own}"] = [Role.BudgetHolder],
        ["/budgethouder/zorgovereenkomst/{agreement}"] = [Role.BudgetHolder],
        ["/budgethouder/zorgovereenkomst/{agreement}/bewerken"] = [Role.BudgetHolder],
        ["/budgethouder/berichten"] = [Role.BudgetHolder, Role.Representative],
        ["/budgethouder/brief/{letter}"] = [Role.BudgetHolder],
        ["/budgethouder/inzage"] = [Role.BudgetHolder, Role.Representative],
        ["/zorgverlener"] = [Role.Provider],
        ["/zorgverlener/zorgovereenkomst/{agreement}"] = [Role.Provider],
        ["/zorgverlener/gebruikers"] = [Role.Provider],
        ["/verstrekker/werktaken"] = [Role.Employee],
        ["/verstrekker/zorgovereenkomst/{agreement}"] = [Role.Employee],
        ["/verstrekker/brief/{letter}"] = [Role.Employee],
        ["/verstrekker/instellingen"] = [Role.Employee],
        ["/beheer/printstraat"] = [Role.Operator],
        ["/beheer/betaalruns"] = [Role.Operator],
        ["/zorgverlener/declaraties"] = [Role.Provider],
        ["/zorgverlener/declaratie/nieuw"] = [Role.Provider],
        ["/budgethouder/declaraties"] = [Role.BudgetHolder, Role.Representative],
        ["/budgethouder/declaratie/nieuw"] = [Role.BudgetHolder, Role.Representative],
        ["/verstrekker/blokkades"] = [Role.Employee],
        ["/verstrekker/conversie"] = [Role.Employee],
        ["/beheer/tranches"] = [Role.Operator],
        ["/beheer/tranches/0599"] = [Role.Operator],
        ["/verstrekker/betaling/{payment}"] = [Role.Employee],
        ["/beheer/betaalruns?handler=Bestand&id={run}"] = [Role.Operator],
        ["/zorgverlener/declaraties/upload"] = [Role.Provider],
        ["/zorgverlener/koppelingen"] = [Role.Provider],
        ["/zorgverlener/rekening"] = [Role.Provider],
        ["/verstrekker/rapportage"] = [Role.Employee],
        ["/verstrekker/rapportage?zorgfunctie=02"] = [Role.Employee],
        ["/verstrekker/rapportage?handler=Excel"] = [Role.Employee],
        ["/verstrekker/rapportage?handler=Csv"] = [Role.Employee],
        ["/beheer/rapportage"] = [Role.Operator],
        ["/verstrekker/prognose"] = [Role.Employee],
        ["/verstrekker/risicosignalen"] = [Role.Employee],
        ["/verstrekker/risicosignaal/{signal}"] = [Role.Employee],
        ["/beheer/risicosignalen"] = [Role.Operator],
        ["/beheer/overzichten"] = [Role.Operator],
        ["/beheer"] = [Role.Operator],
        ["/beheer/betaaltermijnen"] = [Role.Operator],
        ["/beheer/risicosignaal/{signal}"] = [Role.Operator],
        ["/beheer/rapportage?verstrekker=0363&zorgfunctie=02"] = [Role.Operator],
        ["/beheer/rapportage?verstrekker=0363&handler=Excel"] = [Role.Operator],
        ["/beheer/rapportage?verstrekker=0363&handler=Csv"] = [Role.Operator],
        ["/account/tweestapsverificatie"] = [Role.BudgetHolder, Role.Representative, Role.Employee, Role.Operator, Role.Provider],
    };

    // Same role, but the object is not theirs: the page exists for them, the object does not.
    internal static readonly Dictionary<string, Role[]> NotFoundFor = new()
    {
        ["/vertegenwoordiger/budget/{represented}"] = [Role.BudgetHolder],

        // The representative is a citizen too, but of another budget holder: these objects are not in their scope.
        ["/budgethouder/zorgovereenkomst/nieuw?toekenning={own}"] = [Role.Representative],
        ["/budgethouder/zorgovereenkomst/{agreement}"] = [Role.Representative],
        ["/budgethouder/zorgovereenkomst/{agreement}/bewerken"] = [Role.Representative],
        ["/budgethouder/brief/{letter}"] = [Role.Representative],
    };


    public static TheoryData<string, Role> Pages()
    {
        var data = new TheoryData<string, Role>();
        foreach (var page in Allowed.Keys)
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                data.Add(page, role);
            }
        }

        return data;
    }
}

/// <summary>The matrix on PostgreSQL, the production database.</summary>
public sealed class AuthorizationMatrixOnPostgresTests(OpenPgbWebFactory factory) : AuthorizationMatrixTests<OpenPgbWebFactory>(factory);

/// <summary>The matrix on embedded SQLite, the database of the README's run command.</summary>
public sealed class AuthorizationMatrixOnSqliteTests(SqliteWebFactory factory) : AuthorizationMatrixTests<SqliteWebFactory>(factory);

/// <summary>
/// Every page for every role: the owner role gets 200, other roles 403, anonymous visitors the login page, and an id
/// outside the user's scope 404. Runs on both databases.
/// </summary>
public abstract class AuthorizationMatrixTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : OpenPgbWebFactory
{
    [Theory]
    [MemberData(nameof(AuthorizationMatrix.Pages), MemberType = typeof(AuthorizationMatrix))]
    public async Task Page_ForRole_IsAllowedOnlyForItsOwnRole(string template, Role role)
    {
        var ids = await DemoIds.LoadAsync(factory);
        var url = Fill(template, ids);
        using var client = factory.CreatePortalClient();
        if (role != Role.Anonymous)
        {
            await client.LoginAsync(UserNames[role]);
        }

        var response = await client.Http.GetAsync(new Uri(url, UriKind.Relative));

        if (role == Role.Anonymous)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.ToString().ShouldContain("/account/inloggen");
        }
        else if (NotFoundFor.GetValueOrDefault(template, []).Contains(role))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        else if (Allowed[template].Contains(role))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        else
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await response.Content.ReadAsStringAsync()).ShouldContain("Geen toegang");
        }
    }

    private static string Fill(string template, DemoIds ids)
    {
        string S(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return template
            .Replace("{agreement}", S(ids.OwnAgreement), StringComparison.Ordinal)
            .Replace("{letter}", S(ids.OwnLetter), StringComparison.Ordinal)
            .Replace("{own}", S(ids.OwnGrant), StringComparison.Ordinal)
            .Replace("{holder}", S(ids.AmsterdamHolder), StringComparison.Ordinal)
            .Replace("{grant}", S(ids.AmsterdamGrant), StringComparison.Ordinal)
            .Replace("{message}", S(ids.AmsterdamMessage), StringComparison.Ordinal)
            .Replace("{represented}", S(ids.RepresentedGrant), StringComparison.Ordinal)
            .Replace("{payment}", S(ids.AmsterdamPayment), StringComparison.Ordinal)
            .Replace("{run}", S(ids.PaymentRun), StringComparison.Ordinal)
            .Replace("{signal}", S(ids.AmsterdamSignal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Employee_OfAnotherGrantor_CannotOpenAPayment_NorAnUnknownRunFile()
    {
        var ids = await DemoIds.LoadAsync(factory);
        using var utrecht = factory.CreatePortalClient();
        await utrecht.LoginAsync("medewerker.utrecht");
        (await utrecht.Http.GetAsync(new Uri($"/verstrekker/betaling/{ids.AmsterdamPayment}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var operatorClient = factory.CreatePortalClient();
        await operatorClient.LoginAsync("operator");
        (await operatorClient.Http.GetAsync(new Uri("/beheer/betaalruns?handler=Bestand&id=999999", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/verstrekker/budgethouder/{holder}")]
    [InlineData("/verstrekker/toekenning/{grant}")]
    [InlineData("/verstrekker/bericht/{message}")]
    [InlineData("/verstrekker/zorgovereenkomst/{agreement}")]
    [InlineData("/verstrekker/brief/{letter}")]
    [InlineData("/verstrekker/werktaak/{task}")]
    [InlineData("/verstrekker/risicosignaal/{signal}")]
    public async Task Employee_OpeningAnotherGrantorsObjectById_Gets404(string template)
    {
        var ids = await DemoIds.LoadAsync(factory);
        var url = template
            .Replace("{agreement}", ids.UtrechtAgreement.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{letter}", ids.UtrechtLetter.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{task}", ids.UtrechtTask.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{holder}", ids.UtrechtHolder.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{grant}", ids.UtrechtGrant.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{message}", ids.UtrechtMessage.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{signal}", ids.UtrechtSignal.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("medewerker.amsterdam");

        (await client.Http.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Citizen_OpeningAGrantTheyDoNotRepresent_Gets404()
    {
        var ids = await DemoIds.LoadAsync(factory);
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("vertegenwoordiger");

        (await client.Http.GetAsync(new Uri($"/vertegenwoordiger/budget/{ids.UtrechtGrant}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BudgetHolder_OwnGrantViaRepresentativePage_Gets404()
    {
        var ids = await DemoIds.LoadAsync(factory);
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("budgethouder");

        (await client.Http.GetAsync(new Uri($"/vertegenwoordiger/budget/{ids.OwnGrant}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/beheer/verstrekkers?handler=Add", "medewerker.amsterdam")]
    [InlineData("/beheer/tokens?handler=Issue", "medewerker.amsterdam")]
    [InlineData("/beheer/tokens?handler=Issue", "budgethouder")]
    [InlineData("/verstrekker/budgethouders", "budgethouder")]
    [InlineData("/verstrekker/budgethouders", "operator")]
    [InlineData("/verstrekker/budgethouders", "zorgverlener")]
    [InlineData("/verstrekker/instellingen?handler=Choice", "budgethouder")]
    [InlineData("/verstrekker/instellingen?handler=Choice", "zorgverlener")]
    [InlineData("/verstrekker/wissel", "budgethouder")]
    [InlineData("/beheer/printstraat?handler=Printed", "medewerker.amsterdam")]
    [InlineData("/zorgverlener/zorgovereenkomst/1?handler=Sign", "budgethouder")]
    [InlineData("/zorgverlener/gebruikers", "medewerker.amsterdam")]
    [InlineData("/zorgverlener/zorgovereenkomst/1?handler=Sign", "medewerker.amsterdam")]
    [InlineData("/budgethouder/zorgovereenkomst/1?handler=Sign", "zorgverlener")]
    [InlineData("/budgethouder/zorgovereenkomst/1?handler=Sign", "medewerker.amsterdam")]
    public async Task Post_ToAnotherRolesPage_IsForbidden(string url, string userName)
    {
        using var client = factory.CreatePortalClient();
        await client.LoginAsync(userName);
        var (_, home) = await client.GetPageAsync("/account/tweestapsverificatie");
        var token = home.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await client.Http.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["grantorCode"] = "0363",
            ["Code"] = "0999",
            ["Name"] = "x",
            ["Bsn"] = "999990019",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("operator");

        var response = await client.Http.PostAsync(new Uri("/beheer/tokens?handler=Issue", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["grantorCode"] = "0363" }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await factory.QueryAsync(db => Task.FromResult(db.ApiTokens.Count()))).ShouldBe(0);
    }
}
