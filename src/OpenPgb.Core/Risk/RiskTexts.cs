namespace OpenPgb.Core.Risk;

/// <summary>How signals read in the portal.</summary>
public static class RiskTexts
{
    public static string StatusText(RiskSignalStatus status) => status switch
    {
        RiskSignalStatus.Open => "Open",
        RiskSignalStatus.Investigating => "In onderzoek",
        RiskSignalStatus.NoRisk => "Geen risico",
        RiskSignalStatus.Blocked => "Betalingen geblokkeerd",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    public static string DecisionText(RiskDecisionKind kind) => kind switch
    {
        RiskDecisionKind.NoRisk => "Geen risico",
        RiskDecisionKind.Investigate => "Nader onderzoeken",
        RiskDecisionKind.Block => "Betalingen blokkeren",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown decision."),
    };

    public static string EvidenceText(RiskEvidenceKind kind) => kind switch
    {
        RiskEvidenceKind.Claim => "Declaratie",
        RiskEvidenceKind.CareProvider => "Zorgverlener",
        RiskEvidenceKind.CareAgreement => "Zorgovereenkomst",
        RiskEvidenceKind.Payment => "Betaling",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown evidence."),
    };
}
