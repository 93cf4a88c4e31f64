using System.Globalization;
using System.Text;
using OpenPgb.Core.Common;

namespace OpenPgb.Core.Audit;

public enum AccessEvent
{
    /// <summary>Staff saw a budget holder's personal data.</summary>
    Read,

    /// <summary>Someone changed data of a budget holder.</summary>
    Change,
}

/// <summary>
/// One row of the access log NEN 7513 asks of a system holding health data: who saw or changed what of whom, when,
/// in which role, for whom and in which grantor's name. Append-only (the PostgreSQL migration refuses UPDATE and
/// DELETE) and tamper-evident: each row's hash covers its content and the previous row's hash.
/// </summary>
public sealed class AccessLogEntry
{
    private AccessLogEntry()
    {
        UserId = string.Empty;
        UserName = string.Empty;
        Role = string.Empty;
        Action = string.Empty;
        Detail = string.Empty;
        PreviousHash = string.Empty;
        Hash = string.Empty;
    }

    internal AccessLogEntry(AccessEvent accessEvent, string action, long? budgetHolderId, Actor actor, string? onBehalfOf, string detail, DateTimeOffset occurredAt)
    {
        Event = accessEvent;
        Action = action;
        BudgetHolderId = budgetHolderId;
        UserId = actor.UserId;
        UserName = actor.Name;
        Role = actor.Role.ToString();
        GrantorId = actor.GrantorId;
        OnBehalfOf = onBehalfOf;
        Detail = detail;
        OccurredAt = occurredAt;
        PreviousHash = string.Empty;
        Hash = string.Empty;
    }

    public long Id { get; private set; }

    /// <summary>Position in the chain, 1-based, without gaps: assigned under a lock when the row is saved.</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public AccessEvent Event { get; private set; }

    /// <summary>What happened, e.g. "zorgovereenkomst ondertekend", "budgethouder bekeken".</summary>
    public string Action { get; private set; }

    public long? BudgetHolderId { get; private set; }

    public string UserId { get; private set; }

    public string UserName { get; private set; }

    public string Role { get; private set; }

    /// <summary>The budget holder's name when a representative acted for them ("X voor Y").</summary>
    public string? OnBehalfOf { get; private set; }

    public int? GrantorId { get; private set; }

    /// <summary>What was seen or changed: object and id, never a BSN.</summary>
    public string Detail { get; private set; }

    public string PreviousHash { get; private set; }

    public string Hash { get; private set; }

    internal void Chain(long sequence, string previousHash)
    {
        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    /// <summary>The hash this row must carry given its content and <see cref="PreviousHash"/>.</summary>
    public string ComputeHash()
    {
        // Unit separators keep field boundaries unambiguous; the instant is UTC ticks, so time zones cannot change it.
        var canonical = string.Join(
            '\u001f',
            Sequence.ToString(CultureInfo.InvariantCulture),
            OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
            Event.ToString(),
            Action,
            BudgetHolderId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            UserId,
            UserName,
            Role,
            OnBehalfOf ?? string.Empty,
            GrantorId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            Detail,
            PreviousHash);
        return Sha256Hex.Of(Encoding.UTF8.GetBytes(canonical));
    }
}
