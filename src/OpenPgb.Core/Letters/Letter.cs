namespace OpenPgb.Core.Letters;

public enum LetterKind
{
    AgreementApproved,
    AgreementRejected,
}

public enum PrintRoute
{
    /// <summary>The agency's print street prints and posts it in a batch.</summary>
    PrintStreet,

    /// <summary>The grantor prints and posts it itself, from a work task.</summary>
    Grantor,
}

public enum PrintStatus
{
    AwaitingPrint,
    Printed,
}

/// <summary>
/// A letter (brief) as sent: the PDF is stored once with its SHA-256 and never changes; only its print state moves.
/// </summary>
public sealed class Letter
{
    private Letter()
    {
        Subject = string.Empty;
        Pdf = [];
        Sha256 = string.Empty;
    }

    internal Letter(int grantorId, long grantId, long budgetHolderId, long careAgreementId, long careAgreementVersionId, LetterKind kind, string subject, byte[] pdf, PrintRoute route, DateTimeOffset createdAt, LetterContent? content = null)
    {
        ContentJson = content is null ? null : System.Text.Json.JsonSerializer.Serialize(content);
        GrantorId = grantorId;
        GrantId = grantId;
        BudgetHolderId = budgetHolderId;
        CareAgreementId = careAgreementId;
        CareAgreementVersionId = careAgreementVersionId;
        Kind = kind;
        Subject = subject;
        Pdf = pdf;
        Sha256 = Common.Sha256Hex.Of(pdf);
        Route = route;
        CreatedAt = createdAt;
        PrintStatus = PrintStatus.AwaitingPrint;
    }

    public long Id { get; private set; }

    public int GrantorId { get; private set; }

    public long GrantId { get; private set; }

    public Grants.Grant? Grant { get; private set; }

    public long BudgetHolderId { get; private set; }

    public long CareAgreementId { get; private set; }

    public long CareAgreementVersionId { get; private set; }

    public LetterKind Kind { get; private set; }

    public string Subject { get; private set; }

    public byte[] Pdf { get; private set; }

    public string Sha256 { get; private set; }

    public PrintRoute Route { get; private set; }

    public PrintStatus PrintStatus { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? PrintedAt { get; private set; }

    public string? PrintedBy { get; private set; }

    public bool IsIntact => Common.Sha256Hex.Of(Pdf) == Sha256;

    /// <summary>
    /// What the letter says, kept beside the PDF so the portal can show the same letter as a web page (WCAG: not only a
    /// PDF). Null for letters written before the content was kept; those are PDF only.
    /// </summary>
    public string? ContentJson { get; private set; }

    public LetterContent? Content => ContentJson is null ? null : System.Text.Json.JsonSerializer.Deserialize<LetterContent>(ContentJson);

    internal void MarkPrinted(string by, DateTimeOffset now)
    {
        if (PrintStatus != PrintStatus.AwaitingPrint)
        {
            throw new Common.IllegalTransitionException($"Letter {Id} has been printed already.");
        }

        PrintStatus = PrintStatus.Printed;
        PrintedAt = now;
        PrintedBy = by;
    }
}
