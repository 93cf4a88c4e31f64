using OpenPgb.Core.Grants;

namespace OpenPgb.Core.Parties;

/// <summary>The person a budget is granted to (budgethouder). Master data follows the newest accepted 501.</summary>
public sealed class BudgetHolder
{
    private BudgetHolder()
    {
        Bsn = string.Empty;
        Name = PersonName.Empty;
    }

    public BudgetHolder(string bsn, DateOnly birthDate, PersonName name)
    {
        if (!Parties.Bsn.IsValid(bsn))
        {
            throw new ArgumentException("The BSN does not pass the elfproef.", nameof(bsn));
        }

        Bsn = bsn;
        BirthDate = birthDate;
        Name = name;
    }

    public long Id { get; private set; }

    public string Bsn { get; private set; }

    public DateOnly BirthDate { get; private set; }

    public PersonName Name { get; private set; }

    public List<Grant> Grants { get; } = [];

    public void UpdatePersonalData(DateOnly birthDate, PersonName name)
    {
        BirthDate = birthDate;
        Name = name;
    }

    public bool IsMinorOn(DateOnly date) => BirthDate.AddYears(18) > date;
}
