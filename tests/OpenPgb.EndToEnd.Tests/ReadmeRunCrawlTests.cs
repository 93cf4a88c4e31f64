using OpenPgb.Core.Demo;
using OpenPgb.EndToEnd.Tests.Support;
using Shouldly;

namespace OpenPgb.EndToEnd.Tests;

/// <summary>
/// The portal as a newcomer starts it with the README's run command (embedded SQLite, demo data): every demo login
/// follows every menu and page link, every search form and every POST form on the pages it reaches. No page may
/// answer anything but 200, no form 5xx, 400 (unreadable) or 403 (offered but not allowed), and the portal may log
/// no error while it happens.
/// </summary>
public sealed class ReadmeRunCrawlTests(SqlitePortalServerFixture portal, ITestOutputHelper output) : IClassFixture<SqlitePortalServerFixture>
{
    // The conversion rehearsal's logins see the same page kinds as the Amsterdam ones (the tranche journey takes their paths).
    public static TheoryData<string> DemoLogins() => [.. DemoDataSeeder.Logins.Select(l => l.UserName).Where(u => !DemoConversion.IsRehearsalLogin(u))];

    [Theory]
    [MemberData(nameof(DemoLogins))]
    public async Task EveryLinkAndForm_ForDemoLogin_AnswersWithoutError(string userName)
    {
        var report = await new PortalCrawler(portal.Server.BaseAddress).CrawlAsync(userName);

        output.WriteLine($"{userName}: {report.Requests} requests, {report.Pages.Count} page kinds, {report.FormsSubmitted.Count} forms submitted");
        output.WriteLine(string.Join(Environment.NewLine, report.FormsSubmitted));
        report.Pages.Count.ShouldBeGreaterThan(3, "the crawl reached hardly any page");
        report.Findings.ShouldBeEmpty(string.Join(Environment.NewLine, report.Findings));
        var errors = portal.Server.Output.Split('\n').Where(l => l.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) || l.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal)).ToList();
        errors.ShouldBeEmpty(string.Join(Environment.NewLine, errors.Take(5)));
    }

    [Fact]
    public async Task Responses_CarryNoServerHeader()
    {
        using var http = new HttpClient { BaseAddress = portal.Server.BaseAddress };
        using var response = await http.GetAsync(new Uri("/account/inloggen", UriKind.Relative));

        response.Headers.Server.ShouldBeEmpty();
    }
}
