using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Data;
using OpenPgb.Core.Ledger;

namespace OpenPgb.Core.Payments;

/// <summary>
/// The set-based statements of one payment run, portable between PostgreSQL and SQLite (quoted identifiers,
/// <c>||</c> and <c>CAST(... AS TEXT)</c> work in both). Enum values are written as EF stores them (their names, taken
/// with <c>nameof</c>) and ledger account keys come from <see cref="LedgerAccount.KeySql"/>, so a renamed value or a
/// changed key format changes this SQL too (PaymentRunSqlTests). Runs inside the caller's transaction.
/// </summary>
internal sealed class PaymentRunSql(OpenPgbDbContext db, long runId, DateOnly businessDate, string endToEndPrefix, DateTimeOffset now)
{
    // Approved, not held, no block of the claim's grantor in force on the business date for its holder, provider or agreement.
    private const string Payable = $$"""
        c."Status" = '{{nameof(ClaimStatus.Approved)}}' AND c."HoldReason" IS NULL
        AND NOT EXISTS (
            SELECT 1 FROM "PaymentBlocks" b
            WHERE b."GrantorId" = c."GrantorId" AND b."LiftedAt" IS NULL AND b."From" <= {1} AND (b."Until" IS NULL OR b."Until" >= {1})
              AND ((b."Subject" = '{{nameof(PaymentBlockSubject.BudgetHolder)}}' AND b."SubjectId" = c."BudgetHolderId")
                OR (b."Subject" = '{{nameof(PaymentBlockSubject.CareProvider)}}' AND b."SubjectId" = c."CareProviderId")
                OR (b."Subject" = '{{nameof(PaymentBlockSubject.CareAgreement)}}' AND b."SubjectId" = c."CareAgreementId")))
        """;

    private const string Payment = nameof(JournalEntryKind.Payment);

    private static readonly string BudgetSpentKey = LedgerAccount.KeySql(
        LedgerAccountKind.BudgetSpent, "CAST(c.\"GrantId\" AS TEXT)", "c.\"BudgetCode\"", "CAST(c.\"BudgetYear\" AS TEXT)");

    private static readonly string BankKey = LedgerAccount.KeySql(LedgerAccountKind.AgencyBank, "CAST(pm.\"GrantorId\" AS TEXT)");

    // Built from LedgerAccount.KeySql at start-up; constant for the process, no user input in them.
    private static readonly string OpenSpentAccounts =
        $$"""
        INSERT INTO "LedgerAccounts" ("Key", "Kind", "GrantorId", "GrantId", "CareFunctionCode", "Year")
        SELECT DISTINCT {{BudgetSpentKey}}, '{{nameof(LedgerAccountKind.BudgetSpent)}}', c."GrantorId", c."GrantId", c."BudgetCode", c."BudgetYear"
        FROM "PaymentItems" i JOIN "Claims" c ON c."Id" = i."ClaimId"
        WHERE i."PaymentRunId" = {0}
        ON CONFLICT ("Key") DO NOTHING
        """;

    private static readonly string OpenBankAccounts =
        $$"""
        INSERT INTO "LedgerAccounts" ("Key", "Kind", "GrantorId")
        SELECT DISTINCT {{BankKey}}, '{{nameof(LedgerAccountKind.AgencyBank)}}', pm."GrantorId"
        FROM "Payments" pm
        WHERE pm."PaymentRunId" = {0}
        ON CONFLICT ("Key") DO NOTHING
        """;

    /// <summary>One payment per grantor and provider: the snapshot of name and IBAN, the sum and count of its claims.</summary>
    public Task<int> InsertPaymentsAsync(CancellationToken cancellationToken) => db.Database.ExecuteSqlRawAsync(
        $$"""
        INSERT INTO "Payments" ("PaymentRunId", "GrantorId", "CareProviderId", "EndToEndId", "CreditorName", "CreditorIban", "AmountCents", "ClaimCount", "Status")
        SELECT {0}, c."GrantorId", c."CareProviderId", {2} || '-' || g."Code" || '-' || p."ProviderNumber", p."Name", p."Iban", SUM(c."AmountCents"), COUNT(*), '{{nameof(PaymentStatus.Sent)}}'
        FROM "Claims" c
        JOIN "Grantors" g ON g."Id" = c."GrantorId"
        JOIN "CareProviders" p ON p."Id" = c."CareProviderId"
        WHERE {{Payable}}
        GROUP BY c."GrantorId", c."CareProviderId", g."Code", p."ProviderNumber", p."Name", p."Iban"
        """,
        [runId, businessDate, endToEndPrefix],
        cancellationToken);

    /// <summary>One item per claim, linked to its payment; the unique index refuses a claim that is already paid.</summary>
    public Task<int> InsertItemsAsync(CancellationToken cancellationToken) => db.Database.ExecuteSqlRawAsync(
        $$"""
        INSERT INTO "PaymentItems" ("PaymentId", "PaymentRunId", "ClaimId", "AmountCents")
        SELECT pm."Id", {0}, c."Id", c."AmountCents"
        FROM "Claims" c
        JOIN "Payments" pm ON pm."PaymentRunId" = {0} AND pm."GrantorId" = c."GrantorId" AND pm."CareProviderId" = c."CareProviderId"
        WHERE {{Payable}}
        """,
        [runId, businessDate],
        cancellationToken);

    public async Task MarkClaimsPaidAsync(int expected, CancellationToken cancellationToken)
    {
        var updated = await db.Database.ExecuteSqlRawAsync(
            $$"""
            UPDATE "Claims" SET "Status" = '{{nameof(ClaimStatus.Paid)}}'
            WHERE "Status" = '{{nameof(ClaimStatus.Approved)}}' AND "Id" IN (SELECT i."ClaimId" FROM "PaymentItems" i WHERE i."PaymentRunId" = {0})
            """,
            [runId],
            cancellationToken);
        if (updated != expected)
        {
            throw new InvalidOperationException($"Payment run {runId}: {expected} items but {updated} claims changed to paid.");
        }
    }

    /// <summary>
    /// PostgreSQL plans the next statements with statistics of tables that just grew by the run's own rows; ANALYZE
    /// inside the transaction sees them (SQLite needs nothing).
    /// </summary>
    public async Task AnalyzeAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("""ANALYZE "Payments", "PaymentItems", "LedgerAccounts", "JournalEntries" """, cancellationToken);
        }
    }

    /// <summary>
    /// Per payment one journal entry with: payable to bank for the whole payment, and committed to spent per
    /// care-function budget and year. Spent and bank accounts are opened when first needed.
    /// </summary>
    public async Task BookAsync(CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync(
            OpenSpentAccounts,
            [runId],
            cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            OpenBankAccounts,
            [runId],
            cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            $$"""
            INSERT INTO "JournalEntries" ("Kind", "BookedAt", "PaymentId", "Description")
            SELECT '{{Payment}}', {1}, pm."Id", 'betaling ' || pm."EndToEndId"
            FROM "Payments" pm WHERE pm."PaymentRunId" = {0}
            """,
            [runId, db.Database.IsSqlite() ? SortableUtcTextConverter.Format(now) : now],
            cancellationToken);
        await AnalyzeAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            $$"""
            INSERT INTO "LedgerTransfers" ("JournalEntryId", "DebitAccountId", "CreditAccountId", "AmountCents")
            SELECT je."Id", pp."Id", ab."Id", pm."AmountCents"
            FROM "Payments" pm
            JOIN "JournalEntries" je ON je."PaymentId" = pm."Id" AND je."Kind" = '{{Payment}}'
            JOIN "LedgerAccounts" pp ON pp."Kind" = '{{nameof(LedgerAccountKind.ProviderPayable)}}' AND pp."GrantorId" = pm."GrantorId" AND pp."CareProviderId" = pm."CareProviderId"
            JOIN "LedgerAccounts" ab ON ab."Kind" = '{{nameof(LedgerAccountKind.AgencyBank)}}' AND ab."GrantorId" = pm."GrantorId"
            WHERE pm."PaymentRunId" = {0}
            """,
            [runId],
            cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            $$"""
            INSERT INTO "LedgerTransfers" ("JournalEntryId", "DebitAccountId", "CreditAccountId", "AmountCents")
            SELECT je."Id", bs."Id", bc."Id", SUM(i."AmountCents")
            FROM "PaymentItems" i
            JOIN "Claims" c ON c."Id" = i."ClaimId"
            JOIN "JournalEntries" je ON je."PaymentId" = i."PaymentId" AND je."Kind" = '{{Payment}}'
            JOIN "LedgerAccounts" bs ON bs."Kind" = '{{nameof(LedgerAccountKind.BudgetSpent)}}' AND bs."GrantId" = c."GrantId" AND bs."CareFunctionCode" = c."BudgetCode" AND bs."Year" = c."BudgetYear"
            JOIN "LedgerAccounts" bc ON bc."Kind" = '{{nameof(LedgerAccountKind.BudgetCommitted)}}' AND bc."GrantId" = c."GrantId" AND bc."CareFunctionCode" = c."BudgetCode" AND bc."Year" = c."BudgetYear"
            WHERE i."PaymentRunId" = {0}
            GROUP BY je."Id", bs."Id", bc."Id"
            """,
            [runId],
            cancellationToken);
    }

    /// <summary>
    /// Before the commit: the items, the payments and both sides of the bookings must agree to the cent, or the whole
    /// run is rolled back (an approval booked on a missing account would otherwise silently drop money).
    /// </summary>
    public async Task<(int Payments, long TotalCents)> CheckTotalsAsync(int payments, int claims, CancellationToken cancellationToken)
    {
        var totals = await db.Database.SqlQueryRaw<RunTotals>(
            $$"""
            SELECT
              (SELECT COUNT(*) FROM "Payments" WHERE "PaymentRunId" = {0}) AS "Payments",
              (SELECT COALESCE(SUM("AmountCents"), 0) FROM "Payments" WHERE "PaymentRunId" = {0}) AS "PaymentCents",
              (SELECT COUNT(*) FROM "PaymentItems" WHERE "PaymentRunId" = {0}) AS "Items",
              (SELECT COALESCE(SUM("AmountCents"), 0) FROM "PaymentItems" WHERE "PaymentRunId" = {0}) AS "ItemCents",
              (SELECT COALESCE(SUM(t."AmountCents"), 0) FROM "LedgerTransfers" t JOIN "JournalEntries" je ON je."Id" = t."JournalEntryId"
                 JOIN "Payments" pm ON pm."Id" = je."PaymentId" JOIN "LedgerAccounts" a ON a."Id" = t."CreditAccountId"
                 WHERE pm."PaymentRunId" = {0} AND je."Kind" = '{{Payment}}' AND a."Kind" = '{{nameof(LedgerAccountKind.AgencyBank)}}') AS "BankCents",
              (SELECT COALESCE(SUM(t."AmountCents"), 0) FROM "LedgerTransfers" t JOIN "JournalEntries" je ON je."Id" = t."JournalEntryId"
                 JOIN "Payments" pm ON pm."Id" = je."PaymentId" JOIN "LedgerAccounts" a ON a."Id" = t."DebitAccountId"
                 WHERE pm."PaymentRunId" = {0} AND je."Kind" = '{{Payment}}' AND a."Kind" = '{{nameof(LedgerAccountKind.BudgetSpent)}}') AS "SpentCents"
            """,
            runId).SingleAsync(cancellationToken);
        if (totals.Payments != payments || totals.Items != claims
            || totals.ItemCents != totals.PaymentCents || totals.BankCents != totals.PaymentCents || totals.SpentCents != totals.PaymentCents)
        {
            throw new InvalidOperationException($"Payment run {runId} does not balance: {totals}.");
        }

        return ((int)totals.Payments, totals.PaymentCents);
    }

    internal sealed record RunTotals(long Payments, long PaymentCents, long Items, long ItemCents, long BankCents, long SpentCents);
}
