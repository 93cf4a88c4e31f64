using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Common;
using OpenPgb.Core.Grantors;
using OpenPgb.Web.Security;

namespace OpenPgb.Web.Areas.Verstrekker.Pages;

/// <summary>The active grantor's maximum tariffs and process choices, each with its history.</summary>
public sealed class InstellingenModel(GrantorSettingsService settings) : PageModel
{
    public IReadOnlyList<MaximumTariff> Tariffs { get; private set; } = [];

    public ProcessChoices Choices { get; private set; } = ProcessChoices.Default;

    public IReadOnlyList<ProcessChoice> History { get; private set; } = [];

    public IReadOnlyList<ProcessChoice> Awaiting { get; private set; } = [];

    public string UserId => User.ToActor().UserId;

    [BindProperty]
    public string? CareFunctionCode { get; set; }

    [BindProperty]
    public TariffUnit Unit { get; set; } = TariffUnit.Hour;

    [BindProperty]
    public string? Maximum { get; set; }

    [BindProperty]
    public DateOnly? ValidFrom { get; set; }

    [BindProperty]
    public ProcessChoiceKind Kind { get; set; }

    [BindProperty]
    public string? Value { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostTariffAsync(CancellationToken cancellationToken)
    {
        // Each missing or unreadable field gets its own message beside it (in place of the binder's English one).
        ModelState.Remove(nameof(ValidFrom));
        if (string.IsNullOrWhiteSpace(CareFunctionCode))
        {
            ModelState.AddModelError(nameof(CareFunctionCode), "Vul de code van de zorgfunctie in, bijvoorbeeld 02.");
        }

        if (!Money.TryParseEuro(Maximum, out var cents))
        {
            ModelState.AddModelError(nameof(Maximum), "Vul het maximumtarief in euro's in, bijvoorbeeld 65,00.");
        }

        if (ValidFrom is null)
        {
            ModelState.AddModelError(nameof(ValidFrom), "Vul de ingangsdatum in.");
        }

        try
        {
            if (ModelState.ErrorCount == 0)
            {
                await settings.SetMaximumTariffAsync(User.ToActor(), CareFunctionCode!.Trim(), Unit, cents, ValidFrom!.Value, cancellationToken);
                TempData["Melding"] = "Het maximumtarief is vastgelegd.";
                return RedirectToPage("/Instellingen", new { area = "Verstrekker" });
            }
        }
        catch (BusinessRuleException refused)
        {
            var field = refused.Rule switch
            {
                "MaximumtariefRedelijk" => nameof(Maximum),
                "ZorgfunctieBestaat" => nameof(CareFunctionCode),
                _ => string.Empty,
            };
            ModelState.AddModelError(field, refused.Message);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostChoiceAsync(CancellationToken cancellationToken)
    {
        try
        {
            TempData["Melding"] = await settings.SetProcessChoiceAsync(User.ToActor(), Kind, Value ?? string.Empty, cancellationToken)
                ? "De proceskeuze is gewijzigd."
                : "De wijziging is aangevraagd. Een andere medewerker moet haar bevestigen; tot dan blijft de oude keuze gelden.";
            return RedirectToPage("/Instellingen", new { area = "Verstrekker" });
        }
        catch (BusinessRuleException refused)
        {
            ModelState.AddModelError(string.Empty, refused.Message);
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    /// <summary>A second employee confirms a change that waits.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            await settings.ConfirmProcessChoiceAsync(User.ToActor(), id, cancellationToken);
            TempData["Melding"] = "De wijziging is bevestigd en geldt vanaf nu.";
            return RedirectToPage("/Instellingen", new { area = "Verstrekker" });
        }
        catch (BusinessRuleException refused)
        {
            ModelState.AddModelError(string.Empty, refused.Message);
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    public static string NameOf(ProcessChoiceKind kind) => kind switch
    {
        ProcessChoiceKind.LetterPrinting => "Wie print de brieven",
        ProcessChoiceKind.PreBlockHolidayAllowance => "Feestdagenuitkering vooraf blokkeren",
        ProcessChoiceKind.FourEyesAssessment => "Vier-ogenbeoordeling van zorgovereenkomsten",
        ProcessChoiceKind.RiskSharedIbanProviders => "Risicoscan: zorgverleners met één rekeningnummer (aantal)",
        ProcessChoiceKind.RiskHoursPerWeek => "Risicoscan: uren per week van één zorgverlener (meer dan)",
        ProcessChoiceKind.RiskNewProviderHolders => "Risicoscan: budgethouders van een nieuwe zorgverlener binnen vier weken (aantal)",
        ProcessChoiceKind.RiskIbanChangeDays => "Risicoscan: dagen tussen wijziging rekeningnummer en grote betaling",
        ProcessChoiceKind.RiskLargePaymentEuros => "Risicoscan: grote betaling vanaf (euro)",
        ProcessChoiceKind.RiskAboveForecastPercent => "Risicoscan: besteding boven de verwachting (procent)",
        ProcessChoiceKind.RiskMaximumTariffPercent => "Risicoscan: declaraties op het maximumtarief (procent)",
    };

    /// <summary>The risk thresholds in the order of the page, with their current value as it is set.</summary>
    public IEnumerable<(ProcessChoiceKind Kind, long Value)> RiskThresholdValues()
    {
        var risk = Choices.Risk;
        return
        [
            (ProcessChoiceKind.RiskSharedIbanProviders, risk.SharedIbanProviders),
            (ProcessChoiceKind.RiskHoursPerWeek, risk.HoursPerWeek),
            (ProcessChoiceKind.RiskNewProviderHolders, risk.NewProviderHolders),
            (ProcessChoiceKind.RiskIbanChangeDays, risk.IbanChangeDays),
            (ProcessChoiceKind.RiskLargePaymentEuros, risk.LargePaymentCents / 100),
            (ProcessChoiceKind.RiskAboveForecastPercent, risk.AboveForecastPercent),
            (ProcessChoiceKind.RiskMaximumTariffPercent, risk.MaximumTariffPercent),
        ];
    }

    public static string ValueName(string value) => value switch
    {
        nameof(LetterPrinting.Grantor) => "de verstrekker zelf",
        nameof(LetterPrinting.PrintStreet) => "de printstraat van de SVB",
        "True" => "aan",
        "False" => "uit",
        _ => value,
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var grantorId = User.ActiveGrantorOf()!.Value;
        Tariffs = await settings.MaximumTariffsAsync(grantorId, cancellationToken);
        Choices = await settings.ProcessChoicesOfAsync(grantorId, cancellationToken);
        History = await settings.ProcessChoiceHistoryAsync(grantorId, cancellationToken);
        Awaiting = await settings.AwaitingConfirmationAsync(grantorId, cancellationToken);
    }
}
