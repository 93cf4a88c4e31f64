namespace OpenPgb.Core.Data;

/// <summary>
/// Every PostgreSQL advisory-lock class OpenPgb takes, in one place so that no two uses share one by accident (the
/// job lease and the provider's claim lock once did: a provider whose id matched the hash of a job's name would have
/// waited for a whole payment run). Two-key locks: the class, then the object's id or a hash of the job's name.
/// </summary>
internal static class AdvisoryLocks
{
    /// <summary>The access log's hash chain, one writer at a time (single-key form).</summary>
    public const long AccessLogChain = 7513;

    /// <summary>Approvals on one grant.</summary>
    public const int Budget = 7514;

    /// <summary>Claims of one provider (overlap, 24 hours a day, invoice numbers, holiday allowance).</summary>
    public const int ProviderClaims = 7515;

    /// <summary>A job lease (payment run, claim uploads), keyed by the hash of the job's name; held by a session.</summary>
    public const int JobLease = 7516;
}
