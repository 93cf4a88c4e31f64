namespace OpenPgb.Core.Common;

/// <summary>An object was asked for a state change its current state does not allow (e.g. signing twice).</summary>
public sealed class IllegalTransitionException(string message) : InvalidOperationException(message);
