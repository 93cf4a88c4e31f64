using System.IO.Compression;
using System.Net;
using System.Text;
using OpenPgb.Core.Common;
using OpenPgb.Core.Conversion;
using OpenPgb.Core.Demo;
using OpenPgb.Web.Tests.Support;
using Shouldly;

namespace OpenPgb.Web.Tests;

/// <summary>
/// The operator's tranche pages over HTTP: a tranche made, the export and the grantor's 501s uploaded, compared; the
/// board, the grantor's own page with its differences and reports, another grantor kept out of them, and uploads that
/// cannot be used answered in Dutch with nothing changed.
/// </summary>
public sealed class TranchePagesTests(OpenPgbWebFactory factory) : IClassFixture<OpenPgbWebFactory>, IAsyncLifetime
{
    private const string Rotterdam = "0599";
    private readonly string _directory = Directory.CreateTempSubdirectory("openpgb-tranche-pages-").FullName;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Operator_MakesATranche_UploadsAndCompares_AndTheGrantorSeesItsDifferencesAndReports()
    {
        var files = await Pgb1DemoExport.WriteAsync(DemoConversion.Options(Rotterdam, DemoConversion.ReferenceDate(factory.Clock.Today()), 6), _directory, CancellationToken.None);
        using var operatorClient = factory.CreatePortalClient();
        await operatorClient.LoginAsync("operator");

        var freeze = factory.Clock.Today().AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var added = await operatorClient.PostFormAsync("/beheer/tranches", new() { ["Name"] = "Tranche proef", ["FreezeDate"] = freeze, ["GrantorCodes"] = Rotterdam }, handler: "Add");
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, board) = await operatorClient.GetPageAsync("/beheer/tranches");
        board.QuerySelector($"[data-testid=state-{Rotterdam}]")!.TextContent.ShouldBe("gepland");

        (await UploadAsync(operatorClient, "Export", Zip(files.ExportDirectory), "export.zip")).ShouldContain("export is opgeslagen");
        (await UploadAsync(operatorClient, "Berichten", Zip(files.GrantsDirectory), "501.zip")).ShouldContain("5 berichten goedgekeurd");
        (await PostAsync(operatorClient, "Compare")).ShouldContain("4 verschillen");

        (_, board) = await operatorClient.GetPageAsync("/beheer/tranches");
        board.QuerySelector($"[data-testid=state-{Rotterdam}]")!.TextContent.ShouldBe("vergeleken");
        board.QuerySelector($"[data-testid=differences-{Rotterdam}]")!.TextContent.ShouldBe("4");

        using var employee = factory.CreatePortalClient();
        await employee.LoginAsync("medewerker.rotterdam");
        var (status, own) = await employee.GetPageAsync("/verstrekker/conversie");
        status.ShouldBe(HttpStatusCode.OK);
        own.QuerySelectorAll("[data-testid=differences] tbody tr").Length.ShouldBe(4);
        own.QuerySelector("[data-testid=tranche-state]")!.TextContent.ShouldContain("Tranche proef");
        var report = own.QuerySelector("[data-testid=report-Compare]")!.GetAttribute("href")!;
        var download = await employee.Http.GetAsync(new Uri(report, UriKind.Relative));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        (await download.Content.ReadAsByteArrayAsync())[..2].ShouldBe("PK"u8.ToArray());

        using var other = factory.CreatePortalClient();
        await other.LoginAsync("medewerker.amsterdam");
        (await other.Http.GetAsync(new Uri(report, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetPageAsync("/verstrekker/conversie")).Document.QuerySelector("[data-testid=differences]").ShouldBeNull();
    }

    [Fact]
    public async Task UnusableUploadsAndStepsOutOfOrder_GetADutchAnswer_AndChangeNothing()
    {
        using var client = factory.CreatePortalClient();
        await client.LoginAsync("operator");

        (await PostAsync(client, "Trial", "0518")).ShouldContain("Upload eerst de export");
        (await UploadAsync(client, "Export", Encoding.UTF8.GetBytes("geen export"), "notities.txt", "0518")).ShouldContain("geen PGB1-export");
        (await UploadAsync(client, "Export", [1, 2, 3, 4], "kapot.zip", "0518")).ShouldContain("geen leesbaar zip-bestand");
        (await UploadAsync(client, "Berichten", Encoding.UTF8.GetBytes("x"), "leeg.csv", "0518")).ShouldContain("geen 501-bericht");
        (await PostAsync(client, "Freeze", "0518")).ShouldContain("staat in geen tranche");
        var (_, page) = await client.GetPageAsync("/beheer/tranches/0518");
        page.QuerySelector("[data-testid=export-status]")!.TextContent.ShouldBe("nog niet geüpload");
        (await client.GetPageAsync("/beheer/tranches/9998")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    private static byte[] Zip(string directory)
    {
        using var buffer = new MemoryStream();
        ZipFile.CreateFromDirectory(directory, buffer);
        return buffer.ToArray();
    }

    /// <summary>Posts a file to a handler of the grantor's page and returns the message shown after the redirect.</summary>
    private static async Task<string> UploadAsync(PortalClient client, string handler, byte[] content, string fileName, string code = Rotterdam)
    {
        var url = $"/beheer/tranches/{code}";
        var (_, form) = await client.GetPageAsync(url);
        using var multipart = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "upload", fileName },
        };
        var response = await client.Http.PostAsync(new Uri($"{url}?handler={handler}", UriKind.Relative), multipart);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return await FlashAsync(client, url);
    }

    private static async Task<string> PostAsync(PortalClient client, string handler, string code = Rotterdam)
    {
        var url = $"/beheer/tranches/{code}";
        var response = await client.PostFormAsync(url, [], handler);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return await FlashAsync(client, url);
    }

    private static async Task<string> FlashAsync(PortalClient client, string url)
    {
        var (_, page) = await client.GetPageAsync(url);
        return page.QuerySelector("[data-testid=flash-success], [data-testid=flash-error]")?.TextContent ?? "(geen melding)";
    }
}
