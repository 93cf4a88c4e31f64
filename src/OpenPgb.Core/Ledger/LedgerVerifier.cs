using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Access;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Ledger;

/// <summary>
/// Checks the invariants of claims, payments and the ledger over the whole database: what the database cannot
/// enforce by itself (it does enforce positive amounts, two different accounts per transfer, one approval entry per
/// claim, one unreturned payment per claim, and append-only on PostgreSQL). Used by <c>openpgb ledger verify</c>,
/// the tests, and the kill test after every restart. Returns one line per violated invariant; empty means sound.
/// </summary>
public sealed class LedgerVerifier(OpenPgbDbContext db)
{
    // Whether approved claim c was paid by a run: it has an unreturned payment item.
    private const string PaidByRun = """EXISTS (SELECT 1 FROM "PaymentItems" i WHERE i."ClaimId" = c."Id" AND i."ReturnedAt" IS NULL)""";

    private static readonly (string Name, string Sql)[] Checks =
    [
        // The claim's copies of its agreement's grant, grantor, holder and provider carry no foreign keys of their own
        // (ADR 0013): the agreement's key holds, and this holds the copies to it.
        ("each claim's grant, grantor, budget holder and provider are its agreement's, and its version is of that agreement", """
            SELECT COUNT(*) FROM "Claims" c
            WHERE NOT EXISTS (SELECT 1 FROM "CareAgreements" a
                              WHERE a."Id" = c."CareAgreementId" AND a."GrantId" = c."GrantId" AND a."GrantorId" = c."GrantorId"
                                AND a."BudgetHolderId" = c."BudgetHolderId" AND a."CareProviderId" = c."CareProviderId")
               OR NOT EXISTS (SELECT 1 FROM "CareAgreementVersions" v WHERE v."Id" = c."CareAgreementVersionId" AND v."CareAgreementId" = c."CareAgreementId")
            """),
        ("each carried-over payment's grantor, grant and provider are its claim's", """
            SELECT COUNT(*) FROM "CarriedOverPayments" o
            WHERE NOT EXISTS (SELECT 1 FROM "Claims" c
                              WHERE c."Id" = o."ClaimId" AND c."GrantorId" = o."GrantorId" AND c."GrantId" = o."GrantId" AND c."CareProviderId" = o."CareProviderId")
            """),
        // A run does not rewrite the claims it pays (ADR 0015): a claim is paid when it was paid by PGB1 (stored
        // 'Paid') or is approved with an unreturned payment item (the unique index holds "at most one").
        ("each paid claim is in exactly one unreturned payment or was paid by PGB1, and no other claim is", """
            SELECT COUNT(*) FROM "Claims" c
            WHERE (c."Status" = 'Paid') <> EXISTS (SELECT 1 FROM "CarriedOverPayments" o WHERE o."ClaimId" = c."Id")
               OR (c."Status" <> 'Approved' AND EXISTS (SELECT 1 FROM "PaymentItems" i WHERE i."ClaimId" = c."Id" AND i."ReturnedAt" IS NULL))
            """),
        ("each payment item is of its payment's run, grantor and provider, for its claim's amount", """
            SELECT COUNT(*) FROM "PaymentItems" i
            WHERE NOT EXISTS (SELECT 1 FROM "Payments" p JOIN "Claims" c ON c."Id" = i."ClaimId"
                              WHERE p."Id" = i."PaymentId" AND p."PaymentRunId" = i."PaymentRunId" AND p."GrantorId" = c."GrantorId"
                                AND p."CareProviderId" = c."CareProviderId" AND c."AmountCents" = i."AmountCents")
            """),
        ("the payment queue holds exactly the approved, unheld, unpaid claims, with their own values", $$"""
            SELECT (SELECT COUNT(*) FROM "Claims" c
                    WHERE (c."Status" = 'Approved' AND c."HoldReason" IS NULL AND NOT {{PaidByRun}})
                          <> EXISTS (SELECT 1 FROM "PayableClaims" q WHERE q."ClaimId" = c."Id"))
                 + (SELECT COUNT(*) FROM "PayableClaims" q
                    WHERE NOT EXISTS (SELECT 1 FROM "Claims" c
                                      WHERE c."Id" = q."ClaimId" AND c."GrantorId" = q."GrantorId" AND c."CareProviderId" = q."CareProviderId"
                                        AND c."BudgetHolderId" = q."BudgetHolderId" AND c."CareAgreementId" = q."CareAgreementId" AND c."GrantId" = q."GrantId"
                                        AND c."BudgetCode" = q."BudgetCode" AND c."BudgetYear" = q."BudgetYear" AND c."AmountCents" = q."AmountCents"))
            """),
        ("no claim paid by PGB1 is paid again by a run", """
            SELECT COUNT(*) FROM "CarriedOverPayments" o
            WHERE EXISTS (SELECT 1 FROM "PaymentItems" i WHERE i."ClaimId" = o."ClaimId")
               OR o."AmountCents" <> (SELECT c."AmountCents" FROM "Claims" c WHERE c."Id" = o."ClaimId")
            """),
        ("each conversion's bookings are its carried-over claims: approved ones committed, paid ones spent", """
            SELECT COUNT(*) FROM "GrantorConversions" g
            WHERE (SELECT COALESCE(SUM(t."AmountCents"), 0) FROM "JournalEntries" je JOIN "LedgerTransfers" t ON t."JournalEntryId" = je."Id"
                   WHERE je."ConversionId" = g."Id" AND je."Kind" = 'ConversionApproved')
                <> (SELECT COALESCE(SUM(c."AmountCents"), 0) FROM "Claims" c
                    WHERE c."GrantorId" = g."GrantorId" AND c."Channel" = 'Conversion' AND c."Status" IN ('Approved', 'Paid', 'Returned')
                      AND NOT EXISTS (SELECT 1 FROM "CarriedOverPayments" o WHERE o."ClaimId" = c."Id")
                      AND NOT EXISTS (SELECT 1 FROM "JournalEntries" je WHERE je."ClaimId" = c."Id" AND je."Kind" = 'ClaimApproved'))
               OR (SELECT COALESCE(SUM(t."AmountCents"), 0) FROM "JournalEntries" je JOIN "LedgerTransfers" t ON t."JournalEntryId" = je."Id"
                   WHERE je."ConversionId" = g."Id" AND je."Kind" = 'ConversionPaid')
                <> (SELECT COALESCE(SUM(o."AmountCents"), 0) FROM "CarriedOverPayments" o WHERE o."GrantorId" = g."GrantorId")
            """),
        // A carried-over claim is booked by its conversion when it came approved or paid, by its own entry when the
        // budget holder approved it in OpenPgb.
        ("each approved, paid or returned claim has one approval booking of its amount (its own, or its conversion's)", """
            SELECT COUNT(*) FROM "Claims" c
            WHERE c."Status" IN ('Approved', 'Paid', 'Returned')
              AND (c."Channel" <> 'Conversion' OR EXISTS (SELECT 1 FROM "JournalEntries" x WHERE x."ClaimId" = c."Id" AND x."Kind" = 'ClaimApproved'))
              AND (SELECT COALESCE(SUM(t."AmountCents"), -1) FROM "JournalEntries" je JOIN "LedgerTransfers" t ON t."JournalEntryId" = je."Id"
                   WHERE je."ClaimId" = c."Id" AND je."Kind" = 'ClaimApproved') <> c."AmountCents"
            """),
        ("no submitted or rejected claim is booked", """
            SELECT COUNT(*) FROM "Claims" c
            WHERE c."Status" IN ('Submitted', 'Rejected') AND EXISTS (SELECT 1 FROM "JournalEntries" je WHERE je."ClaimId" = c."Id")
            """),
        ("each payment is the sum of its items", """
            SELECT COUNT(*) FROM "Payments" p
            WHERE p."AmountCents" <> (SELECT COALESCE(SUM(i."AmountCents"), 0) FROM "PaymentItems" i WHERE i."PaymentId" = p."Id")
               OR p."ClaimCount" <> (SELECT COUNT(*) FROM "PaymentItems" i WHERE i."PaymentId" = p."Id")
            """),
        ("each payment is booked once from the bank for its amount", """
            SELECT COUNT(*) FROM "Payments" p
            WHERE (SELECT COALESCE(SUM(t."AmountCents"), 0) FROM "JournalEntries" je JOIN "LedgerTransfers" t ON t."JournalEntryId" = je."Id"
                   JOIN "LedgerAccounts" a ON a."Id" = t."CreditAccountId"
                   WHERE je."PaymentId" = p."Id" AND je."Kind" = 'Payment' AND a."Kind" = 'AgencyBank') <> p."AmountCents"
            """),
        ("each returned payment is reversed once, and only those", """
            SELECT COUNT(*) FROM "Payments" p
            WHERE (p."Status" = 'Returned') <> EXISTS (SELECT 1 FROM "JournalEntries" je WHERE je."PaymentId" = p."Id" AND je."Kind" = 'PaymentReturned')
            """),
        ("each run's totals are its payments'", """
            SELECT COUNT(*) FROM "PaymentRuns" r
            WHERE r."TotalCents" <> (SELECT COALESCE(SUM(p."AmountCents"), 0) FROM "Payments" p WHERE p."PaymentRunId" = r."Id")
               OR r."ClaimCount" <> (SELECT COUNT(*) FROM "PaymentItems" i WHERE i."PaymentRunId" = r."Id")
            """),
        ("committed per budget account equals the approved, unpaid claims", $$"""
            SELECT COUNT(*) FROM "LedgerAccounts" a
            WHERE a."Kind" = 'BudgetCommitted'
              AND (SELECT COALESCE(SUM(t."AmountCents"), 0) FROM "LedgerTransfers" t WHERE t."DebitAccountId" = a."Id")
                - (SELECT COALESCE(SUM(t."AmountCents"), 0) FROM "LedgerTransfers" t WHERE t."CreditAccountId" = a."Id")
                <> (SELECT COALESCE(SUM(c."AmountCents"), 0) FROM "Claims" c
                    WHERE c."GrantId" = a."GrantId" AND c."BudgetCode" = a."CareFunctionCode" AND c."BudgetYear" = a."Year"
                      AND (c."Status" = 'Returned' OR (c."Status" = 'Approved' AND NOT {{PaidByRun}})))
            """),
        ("spent per budget account equals the paid claims", $$"""
            SELECT COUNT(*) FROM "LedgerAccounts" a
            WHERE a."Kind" = 'BudgetSpent'
              AND (SELECT COALESCE(SUM(t."AmountCents"), 0) FROM "LedgerTransfers" t WHERE t."DebitAccountId" = a."Id")
                - (SELECT COALESCE(SUM(t."AmountCents"), 0) FROM "LedgerTransfers" t WHERE t."CreditAccountId" = a."Id")
                <> (SELECT COALESCE(SUM(c."AmountCents"), 0) FROM "Claims" c
                    WHERE c."GrantId" = a."GrantId" AND c."BudgetCode" = a."CareFunctionCode" AND c."BudgetYear" = a."Year"
                      AND (c."Status" = 'Paid' OR (c."Status" = 'Approved' AND {{PaidByRun}})))
            """),
        ("each journal entry has at least one transfer", """
            SELECT COUNT(*) FROM "JournalEntries" je WHERE NOT EXISTS (SELECT 1 FROM "LedgerTransfers" t WHERE t."JournalEntryId" = je."Id")
            """),
    ];

    public async Task<IReadOnlyList<string>> VerifyAsync(CancellationToken cancellationToken)
    {
        var violations = new List<string>();
        foreach (var (name, sql) in Checks)
        {
            // The statements are the constants above; nothing from outside is concatenated.
#pragma warning disable EF1003
            var count = await db.Database.SqlQueryRaw<long>("SELECT (" + sql + ") AS \"Value\"").SingleAsync(cancellationToken);
#pragma warning restore EF1003
            if (count > 0)
            {
                violations.Add($"{name}: {count} violation(s)");
            }
        }

        violations.AddRange(await OverspentBudgetsAsync(cancellationToken));
        return violations;
    }

    // "No budget below zero": committed plus spent never above what the current grant version grants for that year.
    private async Task<IEnumerable<string>> OverspentBudgetsAsync(CancellationToken cancellationToken)
    {
        var used = await db.Claims.Unfiltered(Because.SystemProcess).AsNoTracking()
            .Where(c => c.Status == Claims.ClaimStatus.Approved || c.Status == Claims.ClaimStatus.Paid || c.Status == Claims.ClaimStatus.Returned)
            .GroupBy(c => new { c.GrantId, c.BudgetCode, c.BudgetYear })
            .Select(g => new { g.Key.GrantId, g.Key.BudgetCode, g.Key.BudgetYear, Cents = g.Sum(c => c.AmountCents) })
            .ToListAsync(cancellationToken);
        var grantIds = used.Select(u => u.GrantId).Distinct().ToList();
        var overspent = new List<string>();
        foreach (var chunk in grantIds.Chunk(1000))
        {
            var versions = await db.GrantVersions.Unfiltered(Because.SystemProcess).AsNoTracking().Include(v => v.CareFunctionBudgets)
                .Where(v => v.IsCurrent && chunk.Contains(v.GrantId))
                .ToDictionaryAsync(v => v.GrantId, cancellationToken);
            overspent.AddRange(used.Where(u => chunk.Contains(u.GrantId) && u.Cents > BudgetLedger.GrantedIn(versions[u.GrantId], u.BudgetCode, u.BudgetYear))
                .Select(u => $"budget {u.BudgetCode} {u.BudgetYear} of grant {u.GrantId} is below zero"));
        }

        return overspent;
    }
}
