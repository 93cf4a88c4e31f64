namespace OpenPgb.Cli;

internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran, but some messages were rejected.</summary>
    public const int SomeRejected = 1;

    /// <summary>A check ran and found a problem (e.g. a broken access-log chain).</summary>
    public const int CheckFailed = 1;

    /// <summary>The work itself failed (e.g. a payment file that cannot be written); nothing half-done is left.</summary>
    public const int Failed = 1;

    /// <summary>Usage error, or the environment (database, files) is not usable.</summary>
    public const int UsageOrEnvironment = 2;

    /// <summary>Another process holds the job's lease (e.g. a payment run on another node).</summary>
    public const int Busy = 3;
}
