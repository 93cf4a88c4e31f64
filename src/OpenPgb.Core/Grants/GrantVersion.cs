namespace OpenPgb.Core.Grants;

/// <summary>The full state of a grant as one accepted 501 delivered it. Immutable once written.</summary>
public sealed class GrantVersion
{
    private GrantVersion()
    {
    }

    internal GrantVersion(Grant grant, int number, GrantVersionContent content, Ipgb.IntakeMessage intakeMessage, DateTimeOffset receivedAt)
    {
        Grant = grant;
        Number = number;
        IsCurrent = true;
        GrantDate = content.GrantDate;
        Law = content.Law;
        BudgetKey = grant.BudgetKey;
        IntakeMessage = intakeMessage;
        ReceivedAt = receivedAt;
        Contact = content.Contact;
        CareFunctionBudgets.AddRange(content.CareFunctionBudgets.Select(b => b.Copy()));
        Representatives.AddRange(content.Representatives.Select(r => r.Copy()));
    }

    public long Id { get; private set; }

    public long GrantId { get; private set; }

    public Grant? Grant { get; private set; }

    public int Number { get; private set; }

    public bool IsCurrent { get; private set; }

    /// <summary>The key as this version carried it (a later version may re-key the grant).</summary>
    public string BudgetKey { get; private set; } = string.Empty;

    public Law Law { get; private set; }

    public DateOnly GrantDate { get; private set; }

    public long IntakeMessageId { get; private set; }

    /// <summary>The 501 that made this version.</summary>
    public Ipgb.IntakeMessage? IntakeMessage { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public ContactAddress? Contact { get; private set; }

    public List<CareFunctionBudget> CareFunctionBudgets { get; } = [];

    public List<Representative> Representatives { get; } = [];

    public long TotalCents => CareFunctionBudgets.Sum(b => b.AmountCents);

    public bool IsWholePackage => CareFunctionBudgets.Count > 0 && CareFunctionBudgets.All(b => b.CareFunctionCode == CareFunctionCodes.WholePackage);

    public DateOnly? StartDate => CareFunctionBudgets.Count == 0 ? null : CareFunctionBudgets.Min(b => b.StartDate);

    public DateOnly? EndDate => CareFunctionBudgets.Count == 0 ? null : CareFunctionBudgets.Max(b => b.EndDate);

    internal void Supersede()
    {
        if (!IsCurrent)
        {
            throw new InvalidOperationException("Only the current version can be superseded.");
        }

        IsCurrent = false;
    }
}

/// <summary>What a 501 says about a budget, before it becomes a version.</summary>
public sealed record GrantVersionContent(
    Law Law,
    DateOnly GrantDate,
    IReadOnlyList<CareFunctionBudget> CareFunctionBudgets,
    IReadOnlyList<Representative> Representatives,
    ContactAddress? Contact);
