namespace OpenPgb.Core.Ipgb;

public enum MessageChannel
{
    Http,
    File,

    /// <summary>Trial conversion and conversion: accepted before the grantor's freeze date.</summary>
    Conversion,
}

public enum IntakeOutcome
{
    Accepted,
    Rejected,

    /// <summary>Same identity and content as an earlier message: the stored 502 was answered again.</summary>
    Replayed,

    /// <summary>Refused at transport level (sender is not the token's grantor); no 502.</summary>
    Refused,
}

/// <summary>
/// Every message received, valid or not: raw bytes, hash, channel, arrival and the codes it was answered with.
/// The original of an identity (sender, message code, Identificatie) is marked so replays can be recognised.
/// </summary>
public sealed class IntakeMessage
{
    private IntakeMessage()
    {
        ContentHash = string.Empty;
        RawContent = [];
        ReturnCodes = string.Empty;
    }

    public IntakeMessage(MessageChannel channel, DateTimeOffset receivedAt, byte[] rawContent, string contentHash)
    {
        Channel = channel;
        ReceivedAt = receivedAt;
        RawContent = rawContent;
        ContentHash = contentHash;
        SizeBytes = rawContent.Length;
        ReturnCodes = string.Empty;
    }

    public long Id { get; private set; }

    public MessageChannel Channel { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public int SizeBytes { get; private set; }

    public byte[] RawContent { get; private set; }

    public string ContentHash { get; private set; }

    /// <summary>Afzender as the header said, when it could be read.</summary>
    public string? Sender { get; private set; }

    public int? GrantorId { get; private set; }

    public string? MessageCode { get; private set; }

    public string? Identification { get; private set; }

    public DateOnly? DateSent { get; private set; }

    /// <summary>"2.0.2" or "2.3" when the namespace was recognised.</summary>
    public string? StandardVersion { get; private set; }

    public string? BudgetKey { get; private set; }

    public IntakeOutcome Outcome { get; private set; }

    /// <summary>True for the first message of its identity: the one a replay is compared with.</summary>
    public bool IsOriginal { get; private set; }

    /// <summary>Distinct retour codes other than 0200 and 0233, comma-separated; "0200" when accepted.</summary>
    public string ReturnCodes { get; private set; }

    public byte[]? Response { get; private set; }

    public long? GrantId { get; private set; }

    public Grants.Grant? Grant { get; private set; }

    public long? ReplayOfId { get; private set; }

    public IntakeMessage? ReplayOf { get; private set; }

    internal void Identify(string? sender, int? grantorId, string? messageCode, string? identification, DateOnly? dateSent, string? version)
    {
        Sender = sender;
        GrantorId = grantorId;
        MessageCode = messageCode;
        Identification = identification;
        DateSent = dateSent;
        StandardVersion = version;
    }

    internal void SetBudgetKey(string? budgetKey) => BudgetKey = budgetKey;

    /// <summary>Replaces the raw-bytes hash with the canonical one once the document could be read.</summary>
    internal void SetContentHash(string hash) => ContentHash = hash;

    internal void Conclude(IntakeOutcome outcome, bool isOriginal, IEnumerable<string> codes, byte[]? response)
    {
        Outcome = outcome;
        IsOriginal = isOriginal;
        ReturnCodes = string.Join(',', codes.Distinct().Order(StringComparer.Ordinal));
        Response = response;
    }

    /// <summary>Marks this message as a replay of a stored original (by id) or of one earlier in the same batch.</summary>
    internal void MarkReplayOf(long? originalId, IntakeMessage? originalInBatch, string codes, byte[]? response, long? grantId, Grants.Grant? grantInBatch, string? budgetKey)
    {
        if (originalInBatch is not null)
        {
            ReplayOf = originalInBatch;
        }
        else
        {
            ReplayOfId = originalId;
        }

        Outcome = IntakeOutcome.Replayed;
        ReturnCodes = codes;
        Response = response;
        if (grantInBatch is not null)
        {
            Grant = grantInBatch;
        }
        else
        {
            GrantId = grantId;
        }

        BudgetKey = budgetKey;
    }

    internal void LinkGrant(Grants.Grant grant) => Grant = grant;

    /// <summary>The 502, written once the whole batch is decided; a message is answered once.</summary>
    internal void Answer(byte[] response)
    {
        if (Response is not null)
        {
            throw new InvalidOperationException("This message has been answered already.");
        }

        Response = response;
    }
}
