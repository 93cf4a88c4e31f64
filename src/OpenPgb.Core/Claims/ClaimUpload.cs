namespace OpenPgb.Core.Claims;

/// <summary>A bulk CSV upload by a provider: kept per content hash, so the same file uploaded again is recognised.</summary>
public sealed class ClaimUpload
{
    private ClaimUpload()
    {
        FileName = string.Empty;
        Sha256 = string.Empty;
        UploadedBy = string.Empty;
    }

    public long Id { get; private set; }

    public long CareProviderId { get; private set; }

    public string FileName { get; private set; }

    public string Sha256 { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public string UploadedBy { get; private set; }

    public int Rows { get; private set; }

    public int Accepted { get; private set; }

    public static ClaimUpload Record(long careProviderId, string fileName, string sha256, string uploadedBy, int rows, int accepted, DateTimeOffset now) => new()
    {
        CareProviderId = careProviderId,
        FileName = fileName.Length > 200 ? fileName[..200] : fileName,
        Sha256 = sha256,
        UploadedBy = uploadedBy,
        Rows = rows,
        Accepted = accepted,
        UploadedAt = now,
    };
}
