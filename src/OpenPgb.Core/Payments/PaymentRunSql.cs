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
/// <remarks>
/// The run reads the payment queue (<see cref="PayableClaim"/>), never the claims table, and writes only rows of its
/// own: the claims it pays keep their rows untouched (ADR 0015). The queue's unblocked rows are copied once into a
/// temporary table of the session (no write-ahead log), from which the payments, the items and the journal are made,
/// each in one statement; then the paid rows leave the queue.
/// </remarks>
internal sealed class PaymentRunSql(OpenPgbDbContext db, long runId, DateOnly businessDate, string endToEndPrefix, DateTimeOffset now)
{
    private const string Payment = nameof(JournalEntryKind.Payment);

    private static readonly string BudgetSpentKey = LedgerAccount.KeySql(
        LedgerAccountKind.BudgetSpent, "CAST(r.\"GrantId\" AS TEXT)", "r.\"BudgetCode\"", "CAST(r.\"BudgetYear\" AS TEXT)");

    private static readonly string BankKey = LedgerAccount.KeySql(LedgerAccountKind.AgencyBank, "CAST(pm.\"GrantorId\" AS TEXT)");

    // Built from LedgerAccount.KeySql at start-up; constant for the process, no user input in them. (SQLite reads
    // "ON CONFLICT" after a SELECT without WHERE as part of a join, hence the WHERE 1 = 1.)
    private static readonly string OpenSpentAccounts =
        $$"""
        INSERT INTO "LedgerAccounts" ("Key", "Kind", "GrantorId", "GrantId", "CareFunctionCode", "Year")
        SELECT {{BudgetSpentKey}}, '{{nameof(LedgerAccountKind.BudgetSpent)}}', r."GrantorId", r."GrantId", r."BudgetCode", r."BudgetYear"
        FROM (SELECT DISTINCT "GrantorId", "GrantId", "BudgetCode", "BudgetYear" FROM "RunClaims") r
        WHERE 1 = 1
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

    /// <summary>
    /// The claims this run pays: the queue's rows without a block of the claim's grantor in force on the business date
    /// for its holder, provider or agreement, copied into the session's temporary table "RunClaims". Returns how many.
    /// </summary>
    public async Task<int> SelectClaimsAsync(CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync(
            """
            CREATE TEMP TABLE "RunClaims" (
              "ClaimId" BIGINT NOT NULL, "GrantorId" INTEGER NOT NULL, "CareProviderId" BIGINT NOT NULL, "GrantId" BIGINT NOT NULL,
              "BudgetCode" TEXT NOT NULL, "BudgetYear" INTEGER NOT NULL, "AmountCents" BIGINT NOT NULL)
            """,
            cancellationToken);
        var selected = await db.Database.ExecuteSqlRawAsync(
            $$"""
            INSERT INTO "RunClaims" ("ClaimId", "GrantorId", "CareProviderId", "GrantId", "BudgetCode", "BudgetYear", "AmountCents")
            SELECT q."ClaimId", q."GrantorId", q."CareProviderId", q."GrantId", q."BudgetCode", q."BudgetYear", q."AmountCents"
            FROM "PayableClaims" q
            WHERE NOT EXISTS (
                SELECT 1 FROM "PaymentBlocks" b
                WHERE b."GrantorId" = q."GrantorId" AND b."LiftedAt" IS NULL AND b."From" <= {0} AND (b."Until" IS NULL OR b."Until" >= {0})
                  AND ((b."Subject" = '{{nameof(PaymentBlockSubject.BudgetHolder)}}' AND b."SubjectId" = q."BudgetHolderId")
                    OR (b."Subject" = '{{nameof(PaymentBlockSubject.CareProvider)}}' AND b."SubjectId" = q."CareProviderId")
                    OR (b."Subject" = '{{nameof(PaymentBlockSubject.CareAgreement)}}' AND b."SubjectId" = q."CareAgreementId")))
            """,
            [businessDate],
            cancellationToken);
        await AnalyzeAsync("RunClaims", cancellationToken);
        return selected;
    }

    /// <summary>One payment per grantor and provider: the snapshot of name and IBAN, the sum and count of its claims.</summary>
    public async Task<int> InsertPaymentsAsync(CancellationToken cancellationToken)
    {
        var payments = await db.Database.ExecuteSqlRawAsync(
            $$"""
            INSERT INTO "Payments" ("PaymentRunId", "GrantorId", "CareProviderId", "EndToEndId", "CreditorName", "CreditorIban", "AmountCents", "ClaimCount", "Status")
            SELECT {0}, r."GrantorId", r."CareProviderId", {1} || '-' || g."Code" || '-' || p."ProviderNumber", p."Name", p."Iban", r."Cents", r."Claims", '{{nameof(PaymentStatus.Sent)}}'
            FROM (SELECT "GrantorId", "CareProviderId", SUM("AmountCents") AS "Cents", COUNT(*) AS "Claims" FROM "RunClaims" GROUP BY "GrantorId", "CareProviderId") r
            JOIN "Grantors" g ON g."Id" = r."GrantorId"
            JOIN "CareProviders" p ON p."Id" = r."CareProviderId"
            """,
            [runId, endToEndPrefix],
            cancellationToken);
        await AnalyzeAsync("Payments", cancellationToken);
        return payments;
    }

    /// <summary>One item per claim, linked to its payment; the unique index refuses a claim that is already paid.</summary>
    public Task<int> InsertItemsAsync(CancellationToken cancellationToken) => db.Database.ExecuteSqlRawAsync(
        """
        INSERT INTO "PaymentItems" ("PaymentId", "PaymentRunId", "ClaimId", "AmountCents")
        SELECT pm."Id", {0}, r."ClaimId", r."AmountCents"
        FROM "RunClaims" r
        JOIN "Payments" pm ON pm."PaymentRunId" = {0} AND pm."GrantorId" = r."GrantorId" AND pm."CareProviderId" = r."CareProviderId"
        """,
        [runId],
        cancellationToken);

    /// <summary>The paid claims leave the payment queue; their own rows are not touched.</summary>
    public async Task DequeueAsync(int expected, CancellationToken cancellationToken)
    {
        var removed = await db.Database.ExecuteSqlRawAsync(
            """DELETE FROM "PayableClaims" WHERE "ClaimId" IN (SELECT "ClaimId" FROM "RunClaims")""",
            cancellationToken);
        if (removed != expected)
        {
            throw new InvalidOperationException($"Payment run {runId}: {expected} items but {removed} claims left the payment queue.");
        }
    }

    /// <summary>
    /// Per payment one journal entry with: payable to bank for the whole payment, and committed to spent per
    /// care-function budget and year. Spent and bank accounts are opened when first needed.
    /// </summary>
    public async Task BookAsync(CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync(OpenSpentAccounts, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(OpenBankAccounts, [runId], cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            $$"""
            INSERT INTO "JournalEntries" ("Kind", "BookedAt", "PaymentId", "Description")
            SELECT '{{Payment}}', {1}, pm."Id", 'betaling ' || pm."EndToEndId"
            FROM "Payments" pm WHERE pm."PaymentRunId" = {0}
            """,
            [runId, db.Database.IsSqlite() ? SortableUtcTextConverter.Format(now) : now],
            cancellationToken);
        await AnalyzeAsync("JournalEntries", cancellationToken);
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

        // The run's claims grouped once per payment and budget, then joined to the entries and accounts.
        await db.Database.ExecuteSqlRawAsync(
            $$"""
            INSERT INTO "LedgerTransfers" ("JournalEntryId", "DebitAccountId", "CreditAccountId", "AmountCents")
            SELECT je."Id", bs."Id", bc."Id", s."Cents"
            FROM (SELECT "GrantorId", "CareProviderId", "GrantId", "BudgetCode", "BudgetYear", SUM("AmountCents") AS "Cents"
                  FROM "RunClaims" GROUP BY "GrantorId", "CareProviderId", "GrantId", "BudgetCode", "BudgetYear") s
            JOIN "Payments" pm ON pm."PaymentRunId" = {0} AND pm."GrantorId" = s."GrantorId" AND pm."CareProviderId" = s."CareProviderId"
            JOIN "JournalEntries" je ON je."PaymentId" = pm."Id" AND je."Kind" = '{{Payment}}'
            JOIN "LedgerAccounts" bs ON bs."Kind" = '{{nameof(LedgerAccountKind.BudgetSpent)}}' AND bs."GrantId" = s."GrantId" AND bs."CareFunctionCode" = s."BudgetCode" AND bs."Year" = s."BudgetYear"
            JOIN "LedgerAccounts" bc ON bc."Kind" = '{{nameof(LedgerAccountKind.BudgetCommitted)}}' AND bc."GrantId" = s."GrantId" AND bc."CareFunctionCode" = s."BudgetCode" AND bc."Year" = s."BudgetYear"
            """,
            [runId],
            cancellationToken);
    }

    /// <summary>
    /// Before the commit: the run's claims, its items, its payments and both sides of the bookings must agree to the
    /// cent, or the whole run is rolled back (an approval booked on a missing account would otherwise silently drop
    /// money). The items are counted as they were inserted: each is one of the run's claims with its own amount, joined
    /// to the one payment of its grantor and provider, so as many items as claims means every claim has its item.
    /// Drops the session's temporary table.
    /// </summary>
    public async Task<(int Payments, long TotalCents)> CheckTotalsAsync(int selected, int payments, int items, CancellationToken cancellationToken)
    {
        var totals = await db.Database.SqlQueryRaw<RunTotals>(
            $$"""
            SELECT
              (SELECT COUNT(*) FROM "Payments" WHERE "PaymentRunId" = {0}) AS "Payments",
              (SELECT COALESCE(SUM("AmountCents"), 0) FROM "Payments" WHERE "PaymentRunId" = {0}) AS "PaymentCents",
              (SELECT COALESCE(SUM("ClaimCount"), 0) FROM "Payments" WHERE "PaymentRunId" = {0}) AS "PaymentClaims",
              (SELECT COALESCE(SUM("AmountCents"), 0) FROM "RunClaims") AS "ClaimCents",
              (SELECT COALESCE(SUM(t."AmountCents"), 0) FROM "LedgerTransfers" t JOIN "JournalEntries" je ON je."Id" = t."JournalEntryId"
                 JOIN "Payments" pm ON pm."Id" = je."PaymentId" JOIN "LedgerAccounts" a ON a."Id" = t."CreditAccountId"
                 WHERE pm."PaymentRunId" = {0} AND je."Kind" = '{{Payment}}' AND a."Kind" = '{{nameof(LedgerAccountKind.AgencyBank)}}') AS "BankCents",
              (SELECT COALESCE(SUM(t."AmountCents"), 0) FROM "LedgerTransfers" t JOIN "JournalEntries" je ON je."Id" = t."JournalEntryId"
                 JOIN "Payments" pm ON pm."Id" = je."PaymentId" JOIN "LedgerAccounts" a ON a."Id" = t."DebitAccountId"
                 WHERE pm."PaymentRunId" = {0} AND je."Kind" = '{{Payment}}' AND a."Kind" = '{{nameof(LedgerAccountKind.BudgetSpent)}}') AS "SpentCents"
            """,
            runId).SingleAsync(cancellationToken);
        if (totals.Payments != payments || items != selected || totals.PaymentClaims != selected || totals.ClaimCents != totals.PaymentCents
            || totals.BankCents != totals.PaymentCents || totals.SpentCents != totals.PaymentCents)
        {
            throw new InvalidOperationException($"Payment run {runId} does not balance: {selected} claims, {items} items, {totals}.");
        }

        await db.Database.ExecuteSqlRawAsync("""DROP TABLE "RunClaims" """, cancellationToken);
        return ((int)totals.Payments, totals.PaymentCents);
    }

    /// <summary>
    /// PostgreSQL plans the next statements with statistics of tables that just grew by the run's own rows (and knows
    /// nothing of a temporary table until it is analysed); ANALYZE inside the transaction sees them. SQLite needs nothing.
    /// </summary>
    private async Task AnalyzeAsync(string table, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            // The table names are the constants of this class.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync($"""ANALYZE "{table}" """, cancellationToken);
#pragma warning restore EF1002
        }
    }

    internal sealed record RunTotals(long Payments, long PaymentCents, long PaymentClaims, long ClaimCents, long BankCents, long SpentCents);
}
