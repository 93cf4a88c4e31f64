using Microsoft.Data.Sqlite;
using OpenPgb.Core.Ledger;
using Shouldly;

namespace OpenPgb.Core.Tests.Payments;

/// <summary>
/// The payment run opens ledger accounts in SQL; the model opens them in C#. Both must name an account alike, or a run
/// books on an account the model never finds. The SQL expression is evaluated by a real (in-memory) SQLite here.
/// </summary>
public sealed class PaymentRunSqlTests
{
    [Fact]
    public void KeySql_BuildsTheSameKeysAsTheModel()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();

        Evaluate(connection, LedgerAccount.KeySql(LedgerAccountKind.BudgetSpent, "CAST(123 AS TEXT)", "'02'", "CAST(2026 AS TEXT)"))
            .ShouldBe(LedgerAccount.BudgetKey(LedgerAccountKind.BudgetSpent, 123, "02", 2026));
        Evaluate(connection, LedgerAccount.KeySql(LedgerAccountKind.BudgetCommitted, "CAST(7 AS TEXT)", "'99'", "CAST(2027 AS TEXT)"))
            .ShouldBe(LedgerAccount.BudgetKey(LedgerAccountKind.BudgetCommitted, 7, "99", 2027));
        Evaluate(connection, LedgerAccount.KeySql(LedgerAccountKind.AgencyBank, "CAST(4 AS TEXT)"))
            .ShouldBe(LedgerAccount.BankKey(4));
        Evaluate(connection, LedgerAccount.KeySql(LedgerAccountKind.ProviderPayable, "CAST(4 AS TEXT)", "CAST(1000001 AS TEXT)"))
            .ShouldBe(LedgerAccount.PayableKey(4, 1_000_001));
    }

    [Fact]
    public void Keys_OfDifferentKindsOrDimensions_NeverCollide()
    {
        string[] keys =
        [
            LedgerAccount.BudgetKey(LedgerAccountKind.BudgetSpent, 1, "02", 2026),
            LedgerAccount.BudgetKey(LedgerAccountKind.BudgetCommitted, 1, "02", 2026),
            LedgerAccount.BudgetKey(LedgerAccountKind.BudgetSpent, 12, "02", 2026),
            LedgerAccount.BudgetKey(LedgerAccountKind.BudgetSpent, 1, "20", 2026),
            LedgerAccount.PayableKey(1, 2),
            LedgerAccount.PayableKey(12, 2),
            LedgerAccount.BankKey(1),
            LedgerAccount.BankKey(12),
        ];

        keys.Distinct(StringComparer.Ordinal).Count().ShouldBe(keys.Length);
    }

    private static string Evaluate(SqliteConnection connection, string expression)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT " + expression;
        return (string)command.ExecuteScalar()!;
    }
}
