namespace OpenPgb.Core.Payments;

/// <summary>A bank feedback file as received: kept once per content hash, so a file imported twice changes nothing.</summary>
public sealed class BankFeedbackImport
{
    private BankFeedbackImport()
    {
        FileName = string.Empty;
        Sha256 = string.Empty;
        MessageId = string.Empty;
        ImportedBy = string.Empty;
    }

    public long Id { get; private set; }

    public BankFeedbackKind Kind { get; private set; }

    public string FileName { get; private set; }

    public string Sha256 { get; private set; }

    public string MessageId { get; private set; }

    public DateTimeOffset ImportedAt { get; private set; }

    public string ImportedBy { get; private set; }

    public int Returned { get; private set; }

    /// <summary>EndToEndIds the file names that OpenPgb never sent, comma-separated; for the operator to look into.</summary>
    public string? Unknown { get; private set; }

    public static BankFeedbackImport Record(BankFeedback feedback, string fileName, string sha256, string importedBy, int returned, IReadOnlyList<string> unknown, DateTimeOffset now) => new()
    {
        Kind = feedback.Kind,
        FileName = fileName.Length > 200 ? fileName[..200] : fileName,
        Sha256 = sha256,
        MessageId = feedback.MessageId,
        ImportedAt = now,
        ImportedBy = importedBy,
        Returned = returned,
        Unknown = unknown.Count == 0 ? null : string.Join(",", unknown.Take(100)),
    };
}
