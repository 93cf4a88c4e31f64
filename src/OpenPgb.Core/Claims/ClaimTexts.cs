namespace OpenPgb.Core.Claims;

public static class ClaimTexts
{
    public static string NameOf(ClaimStatus status) => status switch
    {
        ClaimStatus.Submitted => "Wacht op budgethouder",
        ClaimStatus.Approved => "Goedgekeurd, wordt betaald",
        ClaimStatus.Rejected => "Afgewezen",
        ClaimStatus.Paid => "Betaald",
        ClaimStatus.Returned => "Betaling teruggekomen",
    };
}
