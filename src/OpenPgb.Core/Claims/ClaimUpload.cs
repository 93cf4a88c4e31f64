using System.Text.Json;
using OpenPgb.Core.Common;

namespace OpenPgb.Core.Claims;

/// <summary>Where a CSV upload stands. Uploads from before the queue were processed at once: they migrate as Done.</summary>
public enum ClaimUploadStatus
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>Where an upload stands, without its rows or content: what the page's progress poll reads.</summary>
public sealed record UploadProgress(ClaimUploadStatus Status, int Rows, int TotalRows, int Accepted, string? Failure)
{
    public bool IsActive => Status is ClaimUploadStatus.Queued or ClaimUploadStatus.Running;
}

/// <summary>
/// A bulk CSV upload by a provider. It is queued with its content, a background job submits its rows (thousands take
/// longer than a web request should live) and keeps the result of every row here, so the provider's page can follow
/// the progress and show the outcome. Kept per content hash, so the same file uploaded again is recognised.
/// </summary>
public sealed class ClaimUpload
{
    private ClaimUpload()
    {
        FileName = string.Empty;
        Sha256 = string.Empty;
        UploadedBy = string.Empty;
        UploadedByUserId = string.Empty;
    }

    public long Id { get; private set; }

    public long CareProviderId { get; private set; }

    public string FileName { get; private set; }

    public string Sha256 { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public string UploadedBy { get; private set; }

    /// <summary>The account that uploaded: the rows are submitted in its name.</summary>
    public string UploadedByUserId { get; private set; }

    public ClaimUploadStatus Status { get; private set; }

    /// <summary>The file while it waits or runs; dropped when done, the rows' results stay.</summary>
    public byte[]? Content { get; private set; }

    /// <summary>Data rows handled so far (all rows once done).</summary>
    public int Rows { get; private set; }

    /// <summary>Data rows in the file, known once the job has read it.</summary>
    public int TotalRows { get; private set; }

    public int Accepted { get; private set; }

    /// <summary>The result of every row read so far, as JSON; saved as the job goes, so a restart resumes after them.</summary>
    public string? ResultJson { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Why the upload stopped, in Dutch; null unless failed.</summary>
    public string? Failure { get; private set; }

    public bool IsActive => Progress.IsActive;

    public UploadProgress Progress => new(Status, Rows, TotalRows, Accepted, Failure);

    public IReadOnlyList<UploadRow> Results => ResultJson is null ? [] : JsonSerializer.Deserialize<List<UploadRow>>(ResultJson) ?? [];

    public static ClaimUpload Queue(long careProviderId, string fileName, string sha256, string uploadedByUserId, string uploadedBy, byte[] content, DateTimeOffset now) => new()
    {
        CareProviderId = careProviderId,
        FileName = fileName.Length > 200 ? fileName[..200] : fileName,
        Sha256 = sha256,
        UploadedByUserId = uploadedByUserId,
        UploadedBy = uploadedBy,
        Content = content,
        Status = ClaimUploadStatus.Queued,
        UploadedAt = now,
    };

    /// <summary>A failed upload of the same file is queued again from the start, by whoever uploads it now.</summary>
    public void Requeue(string uploadedByUserId, string uploadedBy, byte[] content, DateTimeOffset now)
    {
        Require(ClaimUploadStatus.Failed, "queue again");
        (UploadedByUserId, UploadedBy, Content, UploadedAt) = (uploadedByUserId, uploadedBy, content, now);
        (Status, Rows, TotalRows, Accepted, ResultJson, FinishedAt, Failure) = (ClaimUploadStatus.Queued, 0, 0, 0, null, null, null);
    }

    /// <summary>The job takes it; an upload left running by a stopped node is taken again and resumes after its saved rows.</summary>
    public void Start(int totalRows)
    {
        if (Status is not (ClaimUploadStatus.Queued or ClaimUploadStatus.Running))
        {
            throw new IllegalTransitionException($"Claim upload {Id} is {Status} and cannot start.");
        }

        (Status, TotalRows) = (ClaimUploadStatus.Running, totalRows);
    }

    public void Record(IReadOnlyList<UploadRow> results)
    {
        Require(ClaimUploadStatus.Running, "record rows of");
        ArgumentNullException.ThrowIfNull(results);
        ResultJson = JsonSerializer.Serialize(results);
        Rows = results.Count;
        Accepted = results.Count(r => r.Accepted);
    }

    public void Finish(DateTimeOffset now)
    {
        Require(ClaimUploadStatus.Running, "finish");
        (Status, Content, FinishedAt) = (ClaimUploadStatus.Done, null, now);
    }

    public void Fail(string reason, DateTimeOffset now)
    {
        if (!IsActive)
        {
            throw new IllegalTransitionException($"Claim upload {Id} is {Status} and cannot fail.");
        }

        (Status, Failure, FinishedAt) = (ClaimUploadStatus.Failed, reason, now);
    }

    private void Require(ClaimUploadStatus status, string action)
    {
        if (Status != status)
        {
            throw new IllegalTransitionException($"Cannot {action} claim upload {Id}: it is {Status}.");
        }
    }
}
