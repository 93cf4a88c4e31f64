namespace OpenPgb.Core.Access;

/// <summary>
/// The actor sees it but may not do this: a read-only representative signing, an employee of another grantor
/// assessing, a citizen releasing a claim. Answered with 403.
/// </summary>
public sealed class NotAllowedException(string message) : Exception(message);
