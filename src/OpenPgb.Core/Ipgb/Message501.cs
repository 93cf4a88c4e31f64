using OpenPgb.Core.Grants;
using OpenPgb.Core.Parties;

namespace OpenPgb.Core.Ipgb;

/// <summary>A schema-valid 501, in our names. Values are as the message carried them; rules judge them.</summary>
public sealed record Message501(IpgbVersion Version, MessageHeader Header, ClientRecord Client)
{
    public BudgetRecord Budget => Client.Budget;
}

public sealed record MessageHeader(string MessageCode, string Sender, string Receiver, string Identification, DateOnly DateSent);

public sealed record ClientRecord(string Bsn, DateOnly BirthDate, PersonName Name, BudgetRecord Budget);

public sealed record BudgetRecord(
    string BudgetKey,
    string? PreviousBudgetKey,
    Law Law,
    DateOnly GrantDate,
    IReadOnlyList<CareFunctionBudgetRecord> CareFunctionBudgets,
    IReadOnlyList<RepresentativeRecord> Representatives,
    ContactAddress? Contact);

public sealed record CareFunctionBudgetRecord(string CareFunction, DateOnly StartDate, DateOnly EndDate, long AmountCents, long? UnaccountableCents);

public sealed record RepresentativeRecord(
    string Role,
    string Bsn,
    DateOnly BirthDate,
    PersonName Name,
    RepresentativeRights Rights,
    bool ReceivesCorrespondence);
