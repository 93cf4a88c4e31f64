using OpenPgb.Core.CareAgreements;

namespace OpenPgb.Core.Grantors;

/// <summary>
/// The highest tariff a grantor accepts for one care function and tariff unit over a period (its policy rules,
/// beleidsregels). An agreement above it cannot be approved. A new tariff closes the one before it, so history stays.
/// </summary>
public sealed class MaximumTariff
{
    private MaximumTariff()
    {
        CareFunctionCode = string.Empty;
    }

    internal MaximumTariff(int grantorId, string careFunctionCode, TariffUnit unit, long maximumCents, DateOnly validFrom, string setBy, DateTimeOffset setAt)
    {
        if (maximumCents <= 0)
        {
            throw new Common.BusinessRuleException("MaximumtariefIsPositief", "Een maximumtarief is groter dan nul.");
        }

        GrantorId = grantorId;
        CareFunctionCode = careFunctionCode;
        TariffUnit = unit;
        MaximumCents = maximumCents;
        ValidFrom = validFrom;
        SetBy = setBy;
        SetAt = setAt;
    }

    public long Id { get; private set; }

    public int GrantorId { get; private set; }

    public string CareFunctionCode { get; private set; }

    public TariffUnit TariffUnit { get; private set; }

    public long MaximumCents { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    /// <summary>Inclusive; open when null.</summary>
    public DateOnly? ValidUntil { get; private set; }

    public string SetBy { get; private set; } = string.Empty;

    public DateTimeOffset SetAt { get; private set; }

    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidUntil is null || date <= ValidUntil);

    internal void CloseBefore(DateOnly nextFrom)
    {
        if (nextFrom <= ValidFrom)
        {
            throw new Common.BusinessRuleException("MaximumtariefNaHetVorige", "Een nieuw maximumtarief gaat in na de ingangsdatum van het huidige.");
        }

        ValidUntil = nextFrom.AddDays(-1);
    }
}

public enum ProcessChoiceKind
{
    /// <summary>Who prints and sends letters: the grantor itself, or the agency's print street.</summary>
    LetterPrinting,

    /// <summary>Holiday allowances of informal carers are blocked until the grantor releases them (used by payments).</summary>
    PreBlockHolidayAllowance,

    /// <summary>A second employee confirms every assessment of a care agreement.</summary>
    FourEyesAssessment,

    /// <summary>Risk scan: how many providers share one IBAN before it is a signal.</summary>
    RiskSharedIbanProviders,

    /// <summary>Risk scan: hours a provider claims in one week, over all its budget holders, above which it is a signal.</summary>
    RiskHoursPerWeek,

    /// <summary>Risk scan: budget holders a new provider gains within four weeks before it is a signal.</summary>
    RiskNewProviderHolders,

    /// <summary>Risk scan: days between an IBAN change and a large payment within which it is a signal.</summary>
    RiskIbanChangeDays,

    /// <summary>Risk scan: the payment, in whole euros, that counts as large.</summary>
    RiskLargePaymentEuros,

    /// <summary>Risk scan: how many percent above what its agreements expect a budget may be spent before it is a signal.</summary>
    RiskAboveForecastPercent,

    /// <summary>Risk scan: the share, in percent, of a provider's claims at the maximum tariff that is a signal.</summary>
    RiskMaximumTariffPercent,
}

/// <summary>The thresholds of the risk scan's indicators for one grantor (process choices, with their history).</summary>
public sealed record RiskThresholds(
    int SharedIbanProviders = 2,
    int HoursPerWeek = 60,
    int NewProviderHolders = 10,
    int IbanChangeDays = 14,
    long LargePaymentCents = 500_000,
    int AboveForecastPercent = 50,
    int MaximumTariffPercent = 90)
{
    public static RiskThresholds Default { get; } = new();

    /// <summary>The allowed range of each threshold's value as it is set (euros for the large payment).</summary>
    public static (int Min, int Max)? RangeOf(ProcessChoiceKind kind) => kind switch
    {
        ProcessChoiceKind.RiskSharedIbanProviders => (2, 100),
        ProcessChoiceKind.RiskHoursPerWeek => (1, 168),
        ProcessChoiceKind.RiskNewProviderHolders => (2, 10_000),
        ProcessChoiceKind.RiskIbanChangeDays => (1, 365),
        ProcessChoiceKind.RiskLargePaymentEuros => (1, 10_000_000),
        ProcessChoiceKind.RiskAboveForecastPercent => (1, 1_000),
        ProcessChoiceKind.RiskMaximumTariffPercent => (1, 100),
        _ => null,
    };

    internal RiskThresholds With(ProcessChoiceKind kind, int value) => kind switch
    {
        ProcessChoiceKind.RiskSharedIbanProviders => this with { SharedIbanProviders = value },
        ProcessChoiceKind.RiskHoursPerWeek => this with { HoursPerWeek = value },
        ProcessChoiceKind.RiskNewProviderHolders => this with { NewProviderHolders = value },
        ProcessChoiceKind.RiskIbanChangeDays => this with { IbanChangeDays = value },
        ProcessChoiceKind.RiskLargePaymentEuros => this with { LargePaymentCents = value * 100L },
        ProcessChoiceKind.RiskAboveForecastPercent => this with { AboveForecastPercent = value },
        ProcessChoiceKind.RiskMaximumTariffPercent => this with { MaximumTariffPercent = value },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a risk threshold."),
    };
}

public enum LetterPrinting
{
    PrintStreet,
    Grantor,
}

/// <summary>
/// One setting of a process choice; the newest confirmed row per kind is in force, older rows are its history. A change
/// that weakens a safeguard (switching four-eyes assessment off) waits for a second employee's confirmation.
/// </summary>
public sealed class ProcessChoice
{
    private ProcessChoice()
    {
        Value = string.Empty;
        ChangedBy = string.Empty;
    }

    internal ProcessChoice(int grantorId, ProcessChoiceKind kind, string value, string changedBy, DateTimeOffset changedAt)
    {
        GrantorId = grantorId;
        Kind = kind;
        Value = value;
        ChangedBy = changedBy;
        ChangedAt = changedAt;
    }

    public long Id { get; private set; }

    public int GrantorId { get; private set; }

    public ProcessChoiceKind Kind { get; private set; }

    public string Value { get; private set; }

    public string ChangedBy { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>True while the change waits for a second employee; then it is not in force yet.</summary>
    public bool AwaitingConfirmation { get; private set; }

    public string? ConfirmedBy { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    /// <summary>Whether switching from <paramref name="current"/> to this value needs a second employee.</summary>
    public static bool NeedsSecondEmployee(ProcessChoiceKind kind, ProcessChoices current, string newValue) =>
        kind == ProcessChoiceKind.FourEyesAssessment && current.FourEyesAssessment && newValue == bool.FalseString;

    internal void AwaitConfirmation() => AwaitingConfirmation = true;

    internal void Confirm(string userId, string confirmedBy, string changedByUserId, DateTimeOffset now)
    {
        if (!AwaitingConfirmation)
        {
            throw new Common.IllegalTransitionException($"Process choice change {Id} is not waiting for confirmation.");
        }

        if (userId == changedByUserId)
        {
            throw new Common.BusinessRuleException("TweedeMedewerkerBevestigt", "Een andere medewerker moet deze wijziging bevestigen.");
        }

        AwaitingConfirmation = false;
        ConfirmedBy = confirmedBy;
        ConfirmedAt = now;
    }

    /// <summary>Who asked for the change (the user id), to refuse their own confirmation.</summary>
    public string? ChangedByUserId { get; private set; }

    internal void RecordRequester(string userId) => ChangedByUserId = userId;
}

/// <summary>The process choices of one grantor in force now, with the defaults for choices never made.</summary>
public sealed record ProcessChoices(LetterPrinting LetterPrinting, bool PreBlockHolidayAllowance, bool FourEyesAssessment)
{
    public static ProcessChoices Default { get; } = new(LetterPrinting.PrintStreet, false, false);

    public RiskThresholds Risk { get; init; } = RiskThresholds.Default;

    public static ProcessChoices From(IEnumerable<ProcessChoice> newestPerKind)
    {
        var choices = Default;
        foreach (var choice in newestPerKind)
        {
            choices = choice.Kind switch
            {
                ProcessChoiceKind.LetterPrinting => choices with { LetterPrinting = Enum.Parse<LetterPrinting>(choice.Value) },
                ProcessChoiceKind.PreBlockHolidayAllowance => choices with { PreBlockHolidayAllowance = bool.Parse(choice.Value) },
                ProcessChoiceKind.FourEyesAssessment => choices with { FourEyesAssessment = bool.Parse(choice.Value) },
                _ => choices with { Risk = choices.Risk.With(choice.Kind, int.Parse(choice.Value, System.Globalization.CultureInfo.InvariantCulture)) },
            };
        }

        return choices;
    }
}
