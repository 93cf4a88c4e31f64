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
            };
        }

        return choices;
    }
}
