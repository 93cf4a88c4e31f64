using System.Net;
using AngleSharp.Html.Dom;
using OpenPgb.Web.Tests.Support;
using Shouldly;

namespace OpenPgb.Web.Tests;

/// <summary>
/// WCAG 3.3.1-3.3.3: a form with errors says so in its title and in a summary that links to each field; every field
/// in error is marked invalid and points at its own message; the rules are shown before anyone fails them; a form
/// without errors shows no (empty) error box.
/// </summary>
public sealed class ErrorsTiedToFieldsTests(OpenPgbWebFactory factory) : IClassFixture<OpenPgbWebFactory>
{
    [Fact]
    public async Task ClaimForm_MissingAndMalformedFields_EachMarkedWithItsOwnMessage()
    {
        using var provider = factory.CreatePortalClient();
        await provider.LoginAsync("zorgverlener");
        var (_, empty) = await provider.GetPageAsync("/zorgverlener/declaratie/nieuw");
        empty.QuerySelector("[data-testid=error-summary]").ShouldBeNull();
        empty.GetElementById("units-hint")!.TextContent.ShouldContain("twee decimalen");
        var agreement = empty.QuerySelector("input[name='Form.AgreementId']")!.GetAttribute("value")!;

        var page = await PortalClient.ParseAsync(await provider.PostFormAsync("/zorgverlener/declaratie/nieuw", new()
        {
            ["Form.AgreementId"] = agreement,
            ["Form.Kind"] = "Care",
            ["Form.Units"] = "veel",
            ["Form.InvoiceNumber"] = "F-FOUT-1",
        }));

        page.Title!.ShouldStartWith("Fout: ");
        AssertFieldError(page, "Form_Units", "aantal eenheden");
        AssertFieldError(page, "Form_PeriodStart", "eerste dag");
        AssertFieldError(page, "Form_InvoiceDate", "factuurdatum");
        page.QuerySelector("#Form_InvoiceNumber")!.HasAttribute("aria-invalid").ShouldBeFalse();
    }

    [Fact]
    public async Task Registration_RefusedIban_IsMarkedOnTheIbanField_AndThePasswordRuleIsShownUpFront()
    {
        using var anonymous = factory.CreatePortalClient();
        var (_, form) = await anonymous.GetPageAsync("/zorgverlener/registreren");
        form.QuerySelector("[data-testid=error-summary]").ShouldBeNull();
        form.GetElementById("password-hint")!.TextContent.ShouldContain("12 tekens");
        form.QuerySelector("#Input_ContactName")!.GetAttribute("autocomplete").ShouldBe("name");
        form.QuerySelector("#Input_PostalCode")!.GetAttribute("autocomplete").ShouldBe("postal-code");

        var response = await anonymous.PostFormAsync("/zorgverlener/registreren", new()
        {
            ["Input.Kind"] = "Person",
            ["Input.Name"] = "P. Proef",
            ["Input.Street"] = "Straat",
            ["Input.HouseNumber"] = "1",
            ["Input.PostalCode"] = "1011 AB",
            ["Input.City"] = "Amsterdam",
            ["Input.Iban"] = "NL91ABNA0417164301",
            ["Input.ContactName"] = "P. Proef",
            ["Input.Password"] = "Een-lang-wachtwoord-1",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        AssertFieldError(await PortalClient.ParseAsync(response), "Input_Iban", "controlecijfers");
    }

    [Fact]
    public async Task EmployeeForms_TariffAndBlock_MarkEachFieldInError()
    {
        using var employee = factory.CreatePortalClient();
        await employee.LoginAsync("medewerker.amsterdam");

        var tariff = await PortalClient.ParseAsync(await employee.PostFormAsync("/verstrekker/instellingen", new()
        {
            ["CareFunctionCode"] = string.Empty,
            ["Unit"] = "Hour",
            ["Maximum"] = "duur",
            ["ValidFrom"] = "geen-datum",
        }, "Tariff"));
        tariff.Title!.ShouldStartWith("Fout: ");
        AssertFieldError(tariff, "CareFunctionCode", "code van de zorgfunctie");
        AssertFieldError(tariff, "Maximum", "maximumtarief in euro");
        AssertFieldError(tariff, "ValidFrom", "ingangsdatum");
        tariff.QuerySelector("[data-testid=error-summary]")!.TextContent.ShouldNotContain("is not valid");

        var block = await PortalClient.ParseAsync(await employee.PostFormAsync("/verstrekker/blokkades", new()
        {
            ["Subject"] = "CareAgreement",
            ["Number"] = "ZOK-abc",
            ["Reason"] = string.Empty,
        }, "Block"));
        AssertFieldError(block, "Number", "hoort niet bij");
    }

    private static void AssertFieldError(IHtmlDocument page, string fieldId, string message)
    {
        var field = page.GetElementById(fieldId).ShouldNotBeNull($"field {fieldId}");
        field.GetAttribute("aria-invalid").ShouldBe("true", $"{fieldId} is marked invalid");
        var describedBy = field.GetAttribute("aria-describedby")!.Split(' ');
        describedBy.ShouldContain($"{fieldId}-fout");
        page.GetElementById($"{fieldId}-fout")!.TextContent.ShouldContain(message, Case.Insensitive);
        page.QuerySelector($"[data-testid=error-summary] a[href='#{fieldId}']").ShouldNotBeNull($"the summary links to {fieldId}");
    }
}
