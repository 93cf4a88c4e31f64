namespace OpenPgb.Core.Payments;

/// <summary>
/// One import of a bank feedback file, with its content hash: the same file imported again (after an unknown reference
/// was cleared up) is a second row, and does only what the first could not.
/// </summary>
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
