using OpenPgb.Core.Common;

namespace OpenPgb.Core.Conversion;

/// <summary>
/// A group of grantors that move over from PGB1 together, around one freeze date: the last day the old system takes
/// their changes. The tranche organises; a grantor needs none to be converted from the CLI (CONVERSION.md).
/// </summary>
public sealed class Tranche
{
    private Tranche()
    {
        Name = string.Empty;
        CreatedBy = string.Empty;
    }

    public Tranche(string name, DateOnly freezeDate, string createdBy, DateTimeOffset createdAt)
    {
        Name = name;
        FreezeDate = freezeDate;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public DateOnly FreezeDate { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public List<TrancheGrantor> Grantors { get; } = [];

    public TrancheGrantor Add(int grantorId, DateTimeOffset now)
    {
        var member = new TrancheGrantor(this, grantorId, now);
        Grantors.Add(member);
        return member;
    }
}

/// <summary>Where a grantor of a tranche is on its way over (issue 12's path).</summary>
public enum TrancheGrantorState
{
    /// <summary>In the tranche; nothing done yet.</summary>
    Planned,

    /// <summary>The export was compared with the grantor's 501s.</summary>
    Compared,

    /// <summary>A trial conversion passed without blocking findings.</summary>
    TrialConverted,

    /// <summary>The old system took its last change (the final export is the one to convert).</summary>
    Frozen,

    /// <summary>Converted and reconciled.</summary>
    Converted,

    /// <summary>A live date is set: from it the grantor's 501s go over the normal channels.</summary>
    Live,

    /// <summary>Moved to a later tranche; the row stays as history.</summary>
    Postponed,
}

/// <summary>
/// A grantor in a tranche and its state. Each step is one method that throws <see cref="IllegalTransitionException"/>
/// when the state does not allow it. A step's outcome (compare, trial, run) moves the state forward only: a later
/// compare after a passed trial is recorded without going back.
/// </summary>
public sealed class TrancheGrantor
{
    private TrancheGrantor()
    {
        Tranche = null!;
    }

    internal TrancheGrantor(Tranche tranche, int grantorId, DateTimeOffset now)
    {
        Tranche = tranche;
        GrantorId = grantorId;
        State = TrancheGrantorState.Planned;
        StateChangedAt = now;
    }

    public long Id { get; private set; }

    public int TrancheId { get; private set; }

    public Tranche Tranche { get; private set; }

    public int GrantorId { get; private set; }

    public TrancheGrantorState State { get; private set; }

    public DateTimeOffset StateChangedAt { get; private set; }

    /// <summary>Set on <see cref="TrancheGrantorState.Postponed"/>: the tranche it went to.</summary>
    public int? PostponedToTrancheId { get; private set; }

    public bool IsActive => State != TrancheGrantorState.Postponed;

    /// <summary>A usable compare: a planned grantor is now compared; later states keep theirs.</summary>
    public void RecordCompared(DateTimeOffset now)
    {
        RequireActive();
        if (State == TrancheGrantorState.Planned)
        {
            Move(TrancheGrantorState.Compared, now);
        }
    }

    /// <summary>A trial without blocking findings: planned or compared becomes trial converted; later states keep theirs.</summary>
    public void RecordTrialPassed(DateTimeOffset now)
    {
        RequireActive();
        if (State is TrancheGrantorState.Planned or TrancheGrantorState.Compared)
        {
            Move(TrancheGrantorState.TrialConverted, now);
        }
    }

    public void Freeze(DateTimeOffset now)
    {
        Require("bevriezen (eerst een geslaagde proefconversie)", TrancheGrantorState.TrialConverted);
        Move(TrancheGrantorState.Frozen, now);
    }

    /// <summary>
    /// The conversion is done (also from the CLI without the earlier steps: the tranche organises, it does not forbid);
    /// a converted or live grantor keeps its state.
    /// </summary>
    public void RecordConverted(DateTimeOffset now)
    {
        RequireActive();
        if (State is not (TrancheGrantorState.Converted or TrancheGrantorState.Live))
        {
            Move(TrancheGrantorState.Converted, now);
        }
    }

    public void GoLive(DateTimeOffset now)
    {
        Require("live gaan (eerst converteren)", TrancheGrantorState.Converted);
        Move(TrancheGrantorState.Live, now);
    }

    public void Postpone(Tranche to, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(to);
        Require("uitstellen", TrancheGrantorState.Planned, TrancheGrantorState.Compared, TrancheGrantorState.TrialConverted, TrancheGrantorState.Frozen);
        PostponedToTrancheId = to.Id;
        Move(TrancheGrantorState.Postponed, now);
    }

    private void RequireActive()
    {
        if (State == TrancheGrantorState.Postponed)
        {
            throw new IllegalTransitionException("Deze verstrekker is naar een latere tranche verplaatst; daar staat zijn voortgang.");
        }
    }

    private void Require(string step, params TrancheGrantorState[] allowed)
    {
        if (!allowed.Contains(State))
        {
            throw new IllegalTransitionException($"Stap '{step}' kan niet in de toestand '{TrancheTexts.State(State)}'.");
        }
    }

    private void Move(TrancheGrantorState state, DateTimeOffset now)
    {
        State = state;
        StateChangedAt = now;
    }
}

/// <summary>The portal's and the CLI's words for a tranche grantor's state and its next step.</summary>
public static class TrancheTexts
{
    public static string State(TrancheGrantorState state) => state switch
    {
        TrancheGrantorState.Planned => "gepland",
        TrancheGrantorState.Compared => "vergeleken",
        TrancheGrantorState.TrialConverted => "proefgeconverteerd",
        TrancheGrantorState.Frozen => "bevroren",
        TrancheGrantorState.Converted => "geconverteerd",
        TrancheGrantorState.Live => "live",
        TrancheGrantorState.Postponed => "uitgesteld",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown tranche state."),
    };

    public static string NextStep(TrancheGrantorState state, int openDifferences) => state switch
    {
        TrancheGrantorState.Planned => "Export en 501's aanleveren en vergelijken",
        TrancheGrantorState.Compared when openDifferences > 0 => "Verstrekker lost verschillen op; daarna proefconversie",
        TrancheGrantorState.Compared => "Proefconversie",
        TrancheGrantorState.TrialConverted => "Bevriezen na de laatste export van PGB1",
        TrancheGrantorState.Frozen => "Converteren",
        TrancheGrantorState.Converted => "Livedatum vastleggen",
        TrancheGrantorState.Live => "Klaar",
        TrancheGrantorState.Postponed => "Staat in een latere tranche",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown tranche state."),
    };
}
