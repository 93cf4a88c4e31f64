using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenPgb.EndToEnd.Tests.Support;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.EndToEnd.Tests;

/// <summary>
/// In Chromium: a budget holder drafts a care agreement, the provider and the holder sign, the grantor's employee
/// approves it from the work task and the letter (checked from the PDF's text) reaches the holder; then a rejection
/// when the grantor prints its own letters, whose print task holds the letter. axe checks every page on the way.
/// </summary>
public sealed partial class AgreementJourneyTests(BrowserFixture browser, PortalServerFixture portal) : IClassFixture<PortalServerFixture>
{
    private Uri Base => portal.Server.BaseAddress;

    [Fact]
    public async Task Agreement_DraftedSignedAndApproved_LetterReachesTheBudgetHolder()
    {
        var id = await DraftAndSignAsync("42,00");

        await using (var employeeContext = await browser.Browser.NewContextAsync())
        {
            var employee = await employeeContext.NewPageAsync();
            await employee.LoginAsync(Base, "medewerker.amsterdam");
            await employee.AssertAccessibleAsync();
            await employee.GetByRole(AriaRole.Link, new() { Name = "Werktaken", Exact = true }).ClickAsync();
            await employee.AssertAccessibleAsync();
            await employee.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^ZOK-{id} versie 1") }).ClickAsync();
            await employee.AssertAccessibleAsync();
            (await employee.GetByTestId("maximum-tariff").TextContentAsync())!.ShouldContain("€ 65,00");
            await employee.GetByLabel("Goedkeuren", new() { Exact = true }).CheckAsync();
            await employee.GetByTestId("assess").ClickAsync();
            (await employee.GetByTestId("agreement-status").TextContentAsync())!.ShouldBe("Goedgekeurd");
            await employee.AssertAccessibleAsync();
        }

        await using var holderContext = await browser.Browser.NewContextAsync();
        var holder = await holderContext.NewPageAsync();
        await holder.LoginAsync(Base, "budgethouder");
        await holder.GetByRole(AriaRole.Link, new() { Name = "Berichten", Exact = true }).ClickAsync();
        await holder.AssertAccessibleAsync();
        // The letter reads as a web page, and the same letter comes as a tagged PDF.
        await holder.GetByTestId("letters").GetByRole(AriaRole.Link, new() { Name = "Brief lezen" }).First.ClickAsync();
        await holder.AssertAccessibleAsync();
        (await holder.GetByTestId("letter-text").TextContentAsync())!.ShouldContain("€ 42,00 per uur");
        var href = (await holder.GetByTestId("letter-pdf").GetAttributeAsync("href"))!;
        var pdf = await holderContext.APIRequest.GetAsync(new Uri(Base, href).ToString());
        pdf.Headers["content-type"].ShouldBe("application/pdf");
        var text = await PdfText.ExtractAsync(await pdf.BodyAsync());
        text.ShouldContain("Gemeente Amsterdam");
        text.ShouldContain("Goedkeuring zorgovereenkomst");
        text.ShouldContain($"ZOK-{id}-1");
        text.ShouldContain("€ 42,00 per uur");
        text.ShouldContain("bezwaar");

        (await PdfText.InfoAsync(await pdf.BodyAsync())).ShouldMatch(@"Tagged:\s+yes");
        await holder.GetByRole(AriaRole.Link, new() { Name = "Wie heeft mijn gegevens bekeken" }).ClickAsync();
        await holder.AssertAccessibleAsync();
        (await holder.GetByTestId("access-log").TextContentAsync())!.ShouldContain("zorgovereenkomst goedgekeurd");
    }

    [Fact]
    public async Task Agreement_RejectedWhileTheGrantorPrints_PrintTaskHoldsTheLetter()
    {
        await using var employeeContext = await browser.Browser.NewContextAsync();
        var employee = await employeeContext.NewPageAsync();
        await employee.LoginAsync(Base, "medewerker.amsterdam");
        await employee.GetByRole(AriaRole.Link, new() { Name = "Instellingen" }).ClickAsync();
        await employee.AssertAccessibleAsync();
        await employee.GetByLabel("Wie print de brieven").SelectOptionAsync("Grantor");
        await employee.Locator("form:has(#printing) button").ClickAsync();
        (await employee.GetByTestId("choice-history").TextContentAsync())!.ShouldContain("de verstrekker zelf");

        var id = await DraftAndSignAsync("39,50");

        await employee.GotoAsync(new Uri(Base, "/verstrekker/werktaken").ToString());
        await employee.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^ZOK-{id} versie 1") }).ClickAsync();
        await employee.GetByLabel("Afwijzen", new() { Exact = true }).CheckAsync();
        await employee.GetByLabel("Reden bij afwijzen").SelectOptionAsync("04");
        await employee.GetByLabel("Toelichting (komt in de brief)").FillAsync("De handtekening van de zorgverlener ontbreekt op de bijlage.");
        await employee.GetByTestId("assess").ClickAsync();
        (await employee.GetByTestId("agreement-status").TextContentAsync())!.ShouldBe("Afgekeurd");

        await employee.GotoAsync(new Uri(Base, "/verstrekker/werktaken?soort=PrintLetter").ToString());
        await employee.AssertAccessibleAsync();
        await employee.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"ZOK-{id}\\)") }).ClickAsync();
        await employee.AssertAccessibleAsync();
        var href = (await employee.GetByTestId("letter-pdf").GetAttributeAsync("href"))!;
        var pdf = await employeeContext.APIRequest.GetAsync(new Uri(Base, href).ToString());
        var text = await PdfText.ExtractAsync(await pdf.BodyAsync());
        text.ShouldContain("Afwijzing zorgovereenkomst");
        text.ShouldContain("De handtekening van de zorgverlener ontbreekt");
        await employee.GetByTestId("mark-sent").ClickAsync();
        (await employee.GetByTestId("print-status").TextContentAsync())!.ShouldContain("verstuurd op");
    }

    // The budget holder drafts with Zorg Op Maat (found by KvK number); provider and holder sign. Returns the agreement id.
    private async Task<long> DraftAndSignAsync(string tariff)
    {
        long id;
        await using var holderContext = await browser.Browser.NewContextAsync();
        var holder = await holderContext.NewPageAsync();
        await holder.LoginAsync(Base, "budgethouder");
        await holder.GetByRole(AriaRole.Link, new() { Name = "Zorgovereenkomsten" }).ClickAsync();
        await holder.AssertAccessibleAsync();
        await holder.GetByRole(AriaRole.Button, new() { Name = "Nieuwe zorgovereenkomst" }).ClickAsync();
        await holder.AssertAccessibleAsync();
        await holder.GetByLabel("KvK-nummer of zorgverlenersnummer").FillAsync("68750110");
        await holder.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await holder.GetByTestId("providers-found").GetByRole(AriaRole.Link).First.ClickAsync();
        await holder.AssertAccessibleAsync();
        await holder.GetByLabel("Overeenkomst van opdracht").CheckAsync();
        await holder.Locator("input[name='Form.CareFunctionCodes']").First.CheckAsync();
        await holder.GetByLabel("Tarief in euro's").FillAsync(tariff);
        await holder.GetByLabel("Verwachte omvang per maand").FillAsync("10");
        await holder.GetByRole(AriaRole.Button, new() { Name = "Opslaan als concept" }).ClickAsync();
        await holder.AssertAccessibleAsync();
        (await holder.GetByTestId("agreement-status").TextContentAsync())!.ShouldBe("Concept");
        id = long.Parse(AgreementUrl().Match(holder.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        await using (var providerContext = await browser.Browser.NewContextAsync())
        {
            var provider = await providerContext.NewPageAsync();
            await provider.LoginAsync(Base, "zorgverlener");
            await provider.AssertAccessibleAsync();
            await provider.GetByRole(AriaRole.Link, new() { Name = $"ZOK-{id}", Exact = true }).ClickAsync();
            await provider.AssertAccessibleAsync();
            await provider.GetByTestId("agree").CheckAsync();
            await provider.GetByTestId("sign").ClickAsync();
            (await provider.GetByTestId("agreement-status").TextContentAsync())!.ShouldBe("Getekend door zorgverlener");
        }

        await holder.ReloadAsync();
        await holder.GetByTestId("agree").CheckAsync();
        await holder.GetByTestId("sign").ClickAsync();
        (await holder.GetByTestId("agreement-status").TextContentAsync())!.ShouldBe("Wacht op beoordeling");
        await holder.AssertAccessibleAsync();
        return id;
    }

    [GeneratedRegex(@"/budgethouder/zorgovereenkomst/(\d+)")]
    private static partial Regex AgreementUrl();
}
