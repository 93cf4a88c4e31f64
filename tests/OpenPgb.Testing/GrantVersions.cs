using OpenPgb.Core.Grants;
using OpenPgb.Core.Ipgb;
using OpenPgb.Core.Parties;

namespace OpenPgb.Testing;

/// <summary>Grant versions built in memory, for rules tested on their facts alone (no database).</summary>
public static class GrantVersions
{
    /// <summary>A 2026 Wmo grant of € 10,000 for one care function, received at <paramref name="receivedAt"/>.</summary>
    public static GrantVersion For2026(string careFunctionCode, DateTimeOffset receivedAt)
    {
        var grant = new Grant(1, new BudgetHolder("111222333", new DateOnly(1980, 1, 1), new PersonName("Vries", "de", "J.")), "B-1", Law.Wmo);
        var budget = new CareFunctionBudget(careFunctionCode, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 1_000_000, null);
        var content = new GrantVersionContent(Law.Wmo, new DateOnly(2026, 1, 1), [budget], [], null);
        return grant.AddVersion(content, new IntakeMessage(MessageChannel.File, receivedAt, [], "hash"), receivedAt);
    }
}
