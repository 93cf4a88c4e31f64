using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Data;
using OpenPgb.Core.Ledger;

namespace OpenPgb.Core.Conversion;

/// <summary>One budget account's balance (debit minus credit), for the reconciliation.</summary>
internal sealed record BudgetBalance(long GrantId, string CareFunctionCode, int Year, string Kind, long Cents);

/// <summary>
/// The ledger bookings of a grantor's conversion, set-based and portable like the payment run's SQL: one journal entry
/// for the carried-over approved (GOED) claims, debit committed and credit the provider per budget, year and provider;
/// one for the paid (BET) claims, debit spent and credit the conversion account per budget and year. So the ledger
/// shows the old system's spending without a row per claim, and the next payment run moves the committed amounts to
/// spent as for any approved claim. Runs inside the caller's transaction.
/// </summary>
internal sealed class ConversionBookings(OpenPgbDbContext db, int grantorId, long conversionId, DateTimeOffset now)
{
    private const string Carried = $$"""c."GrantorId" = {0} AND c."Channel" = '{{nameof(ClaimChannel.Conversion)}}'""";

    private static readonly string CommittedKey = LedgerAccount.KeySql(LedgerAccountKind.BudgetCommitted, "CAST(c.\"GrantId\" AS TEXT)", "c.\"BudgetCode\"", "CAST(c.\"BudgetYear\" AS TEXT)");

    private static readonly string SpentKey = LedgerAccount.KeySql(LedgerAccountKind.BudgetSpent, "CAST(c.\"GrantId\" AS TEXT)", "c.\"BudgetCode\"", "CAST(c.\"BudgetYear\" AS TEXT)");

    private static readonly string PayableKey = LedgerAccount.KeySql(LedgerAccountKind.ProviderPayable, "CAST(c.\"GrantorId\" AS TEXT)", "CAST(c.\"CareProviderId\" AS TEXT)");

    // Built from LedgerAccount.KeySql at start-up; constant for the process, no input in them.
    private static readonly string OpenCommittedAccounts =
        $$"""
        INSERT INTO "LedgerAccounts" ("Key", "Kind", "GrantorId", "GrantId", "CareFunctionCode", "Year")
        SELECT DISTINCT {{CommittedKey}}, '{{nameof(LedgerAccountKind.BudgetCommitted)}}', c."GrantorId", c."GrantId", c."BudgetCode", c."BudgetYear"
        FROM "Claims" c WHERE {{Carried}} AND c."Status" = '{{nameof(ClaimStatus.Approved)}}'
        ON CONFLICT ("Key") DO NOTHING
        """;

    private static readonly string OpenPayableAccounts =
        $$"""
        INSERT INTO "LedgerAccounts" ("Key", "Kind", "GrantorId", "CareProviderId")
        SELECT DISTINCT {{PayableKey}}, '{{nameof(LedgerAccountKind.ProviderPayable)}}', c."GrantorId", c."CareProviderId"
        FROM "Claims" c WHERE {{Carried}} AND c."Status" = '{{nameof(ClaimStatus.Approved)}}'
        ON CONFLICT ("Key") DO NOTHING
        """;

    private static readonly string OpenSpentAccounts =
        $$"""
        INSERT INTO "LedgerAccounts" ("Key", "Kind", "GrantorId", "GrantId", "CareFunctionCode", "Year")
        SELECT DISTINCT {{SpentKey}}, '{{nameof(LedgerAccountKind.BudgetSpent)}}', c."GrantorId", c."GrantId", c."BudgetCode", c."BudgetYear"
        FROM "Claims" c WHERE {{Carried}} AND c."Status" = '{{nameof(ClaimStatus.Paid)}}'
        ON CONFLICT ("Key") DO NOTHING
        """;

    public async Task BookAsync(CancellationToken cancellationToken)
    {
        // A million claims were just inserted in this transaction: without fresh statistics PostgreSQL plans the joins
        // below for an empty table (nested loops over every claim). ANALYZE inside the transaction sees them.
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE \"Claims\"", cancellationToken);
        }

        await BookApprovedAsync(cancellationToken);
        await BookPaidAsync(cancellationToken);
    }

    /// <summary>The balances of every budget account of the grantor: committed and spent per grant, care function and year.</summary>
    public async Task<IReadOnlyList<BudgetBalance>> BudgetBalancesAsync(CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<BudgetBalance>(
            $$"""
            SELECT a."GrantId" AS "GrantId", a."CareFunctionCode" AS "CareFunctionCode", a."Year" AS "Year", a."Kind" AS "Kind",
              (SELECT COALESCE(SUM(t."AmountCents"), 0) FROM "LedgerTransfers" t WHERE t."DebitAccountId" = a."Id")
              - (SELECT COALESCE(SUM(t."AmountCents"), 0) FROM "LedgerTransfers" t WHERE t."CreditAccountId" = a."Id") AS "Cents"
            FROM "LedgerAccounts" a
            WHERE a."GrantorId" = {0} AND a."Kind" IN ('{{nameof(LedgerAccountKind.BudgetSpent)}}', '{{nameof(LedgerAccountKind.BudgetCommitted)}}')
            """,
            grantorId).ToListAsync(cancellationToken);

    private async Task BookApprovedAsync(CancellationToken cancellationToken)
    {
        if (!await AnyAsync(ClaimStatus.Approved, cancellationToken))
        {
            return;
        }

        await db.Database.ExecuteSqlRawAsync(
            OpenCommittedAccounts,
            [grantorId],
            cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            OpenPayableAccounts,
            [grantorId],
            cancellationToken);
        var entry = await EntryAsync(JournalEntryKind.ConversionApproved, "conversie PGB1: goedgekeurde declaraties, nog te betalen", cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            $$"""
            INSERT INTO "LedgerTransfers" ("JournalEntryId", "DebitAccountId", "CreditAccountId", "AmountCents")
            SELECT {1}, bc."Id", pp."Id", SUM(c."AmountCents")
            FROM "Claims" c
            JOIN "LedgerAccounts" bc ON bc."Kind" = '{{nameof(LedgerAccountKind.BudgetCommitted)}}' AND bc."GrantId" = c."GrantId" AND bc."CareFunctionCode" = c."BudgetCode" AND bc."Year" = c."BudgetYear"
            JOIN "LedgerAccounts" pp ON pp."Kind" = '{{nameof(LedgerAccountKind.ProviderPayable)}}' AND pp."GrantorId" = c."GrantorId" AND pp."CareProviderId" = c."CareProviderId"
            WHERE {{Carried}} AND c."Status" = '{{nameof(ClaimStatus.Approved)}}'
            GROUP BY bc."Id", pp."Id"
            HAVING SUM(c."AmountCents") > 0
            """,
            [grantorId, entry],
            cancellationToken);
    }

    private async Task BookPaidAsync(CancellationToken cancellationToken)
    {
        if (!await AnyAsync(ClaimStatus.Paid, cancellationToken))
        {
            return;
        }

        await db.Database.ExecuteSqlRawAsync(
            OpenSpentAccounts,
            [grantorId],
            cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            $$"""
            INSERT INTO "LedgerAccounts" ("Key", "Kind", "GrantorId") VALUES ({1}, '{{nameof(LedgerAccountKind.Conversion)}}', {0})
            ON CONFLICT ("Key") DO NOTHING
            """,
            [grantorId, LedgerAccount.ConversionKey(grantorId)],
            cancellationToken);
        var entry = await EntryAsync(JournalEntryKind.ConversionPaid, "conversie PGB1: betaald door het oude systeem", cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            $$"""
            INSERT INTO "LedgerTransfers" ("JournalEntryId", "DebitAccountId", "CreditAccountId", "AmountCents")
            SELECT {1}, bs."Id", cv."Id", SUM(c."AmountCents")
            FROM "Claims" c
            JOIN "LedgerAccounts" bs ON bs."Kind" = '{{nameof(LedgerAccountKind.BudgetSpent)}}' AND bs."GrantId" = c."GrantId" AND bs."CareFunctionCode" = c."BudgetCode" AND bs."Year" = c."BudgetYear"
            JOIN "LedgerAccounts" cv ON cv."Kind" = '{{nameof(LedgerAccountKind.Conversion)}}' AND cv."GrantorId" = c."GrantorId"
            WHERE {{Carried}} AND c."Status" = '{{nameof(ClaimStatus.Paid)}}'
            GROUP BY bs."Id", cv."Id"
            HAVING SUM(c."AmountCents") > 0
            """,
            [grantorId, entry],
            cancellationToken);
    }

    private Task<bool> AnyAsync(ClaimStatus status, CancellationToken cancellationToken) =>
        db.Claims.AnyAsync(c => c.GrantorId == grantorId && c.Channel == ClaimChannel.Conversion && c.Status == status, cancellationToken);

    private async Task<long> EntryAsync(JournalEntryKind kind, string description, CancellationToken cancellationToken)
    {
        var entry = JournalEntry.ForConversion(kind, conversionId, description, now);
        db.JournalEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return entry.Id;
    }
}
