namespace OpenPgb.Core.Ipgb;

/// <summary>The answer to one received message.</summary>
/// <param name="HeaderReadable">False when the header could not be read: HTTP answers 400 instead of 200.</param>
/// <param name="Codes">The distinct error codes, or 0200 when accepted.</param>
public sealed record IntakeResult(
    long IntakeMessageId,
    IntakeOutcome Outcome,
    bool HeaderReadable,
    IReadOnlyList<string> Codes,
    byte[]? Response,
    string? Failure)
{
    public bool IsAccepted => Outcome == IntakeOutcome.Accepted
        || (Outcome == IntakeOutcome.Replayed && Codes.SequenceEqual([ReturnCodes.NoRemark]));
}
