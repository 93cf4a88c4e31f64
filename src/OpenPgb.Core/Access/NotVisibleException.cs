namespace OpenPgb.Core.Access;

/// <summary>
/// What was asked for is not in the actor's scope: another grantor's, another citizen's, another provider's, or not
/// there at all. The two are deliberately the same answer (404), so an id reveals nothing. Any other exception, a
/// <see cref="KeyNotFoundException"/> from a dictionary included, is a defect: a 500 that is logged.
/// </summary>
public sealed class NotVisibleException(string message) : Exception(message);
