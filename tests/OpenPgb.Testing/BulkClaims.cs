using Npgsql;

namespace OpenPgb.Testing;

/// <summary>
/// Volume for payment tests and benchmarks on PostgreSQL, by set-based SQL: clones of a registered provider (each with
/// a copy of an approved agreement) and approved claims with their approval bookings, as the services would make them.
/// </summary>
public static class BulkClaims
{
    /// <summary>Adds <paramref name="count"/> providers, each with an approved copy of the template agreement.</summary>
    public static async Task AddProvidersWithAgreementsAsync(string connectionString, long templateProviderId, long templateAgreementId, int count, int numberOffset = 20_000_000)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            WITH np AS (
                INSERT INTO "CareProviders" ("ProviderNumber", "Kind", "Name", "KvkNumber", "AgbCode", "VatNumber", "Iban", "RegisteredAt", "InvitationCode", "City", "HouseNumber", "PostalCode", "Street")
                SELECT 'ZV' || lpad((@offset + s)::text, 8, '0'), p."Kind", 'Zorgverlener ' || s || ' Één & Zoon', p."KvkNumber", p."AgbCode", p."VatNumber", p."Iban", p."RegisteredAt", NULL, p."City", p."HouseNumber", p."PostalCode", p."Street"
                FROM "CareProviders" p, generate_series(1, @count) s WHERE p."Id" = @provider
                RETURNING "Id"),
            na AS (
                INSERT INTO "CareAgreements" ("GrantId", "GrantorId", "BudgetHolderId", "CareProviderId", "CreatedAt")
                SELECT a."GrantId", a."GrantorId", a."BudgetHolderId", np."Id", a."CreatedAt" FROM np, "CareAgreements" a WHERE a."Id" = @agreement
                RETURNING "Id")
            INSERT INTO "CareAgreementVersions" ("CareAgreementId", "Number", "Status", "Type", "CareFunctionCodes", "StartDate", "EndDate", "TariffUnit", "TariffCents", "ExpectedUnitsPerMonth",
                "FixedMonthlyCents", "HolidayAllowanceCents", "ThirdPartyClause", "SignedByHolderAt", "SignedByHolderName", "SignedByProviderAt", "SignedByProviderName", "SubmittedAt",
                "Decision", "DecisionReasonCode", "DecisionText", "AssessedByUserId", "AssessedByName", "AssessedAt", "ConfirmedByUserId", "ConfirmedByName", "DecidedAt", "MaximumTariffCentsAtDecision")
            SELECT na."Id", v."Number", v."Status", v."Type", v."CareFunctionCodes", v."StartDate", v."EndDate", v."TariffUnit", v."TariffCents", v."ExpectedUnitsPerMonth",
                v."FixedMonthlyCents", v."HolidayAllowanceCents", v."ThirdPartyClause", v."SignedByHolderAt", v."SignedByHolderName", v."SignedByProviderAt", v."SignedByProviderName", v."SubmittedAt",
                v."Decision", v."DecisionReasonCode", v."DecisionText", v."AssessedByUserId", v."AssessedByName", v."AssessedAt", v."ConfirmedByUserId", v."ConfirmedByName", v."DecidedAt", v."MaximumTariffCentsAtDecision"
            FROM na, "CareAgreementVersions" v WHERE v."CareAgreementId" = @agreement AND v."Status" = 'Approved'
            """,
            connection);
        command.Parameters.AddWithValue("offset", numberOffset);
        command.Parameters.AddWithValue("count", count);
        command.Parameters.AddWithValue("provider", templateProviderId);
        command.Parameters.AddWithValue("agreement", templateAgreementId);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// National-size volume for benchmarks: <paramref name="providers"/> registered providers, and for every grant one
    /// approved agreement on its first care-function budget (and a second one for every other grant, so 1.5 per grant),
    /// each with a provider taken round-robin.
    /// </summary>
    public static async Task AddNationalAgreementsAsync(string connectionString, int providers)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO "CareProviders" ("ProviderNumber", "Kind", "Name", "KvkNumber", "AgbCode", "VatNumber", "Iban", "RegisteredAt", "InvitationCode", "City", "HouseNumber", "PostalCode", "Street")
            SELECT 'ZV' || lpad((30000000 + s)::text, 8, '0'), 'Organisation', 'Zorgaanbieder ' || s, lpad(s::text, 8, '0'), NULL, NULL, 'NL91ABNA0417164300', now(), NULL, 'Amsterdam', '1', '1011AB', 'Zorgstraat'
            FROM generate_series(1, @providers) s;

            WITH g AS (
                SELECT gr."Id", gr."GrantorId", gr."BudgetHolderId", b."CareFunctionCode", b."StartDate", b."EndDate", row_number() OVER (ORDER BY gr."Id") AS rn
                FROM "Grants" gr
                JOIN "GrantVersions" v ON v."GrantId" = gr."Id" AND v."IsCurrent"
                JOIN LATERAL (SELECT c."CareFunctionCode", c."StartDate", c."EndDate" FROM "CareFunctionBudgets" c WHERE c."GrantVersionId" = v."Id" ORDER BY c."StartDate", c."CareFunctionCode" LIMIT 1) b ON true),
            p AS (SELECT MIN("Id") AS first, COUNT(*) AS n FROM "CareProviders" WHERE "ProviderNumber" LIKE 'ZV3%'),
            pairs AS (SELECT g.*, k FROM g, generate_series(0, 1) k WHERE k = 0 OR g.rn % 2 = 0),
            na AS (
                -- The bulk providers have consecutive ids, so a provider is picked by arithmetic, not by a join.
                INSERT INTO "CareAgreements" ("GrantId", "GrantorId", "BudgetHolderId", "CareProviderId", "CreatedAt")
                SELECT pairs."Id", pairs."GrantorId", pairs."BudgetHolderId", p.first + (pairs.rn * 7 + pairs.k * 13) % p.n, now() FROM pairs, p
                RETURNING "Id", "GrantId")
            INSERT INTO "CareAgreementVersions" ("CareAgreementId", "Number", "Status", "Type", "CareFunctionCodes", "StartDate", "EndDate", "TariffUnit", "TariffCents", "ExpectedUnitsPerMonth",
                "ThirdPartyClause", "SignedByHolderAt", "SignedByHolderName", "SignedByProviderAt", "SignedByProviderName", "SubmittedAt",
                "Decision", "DecisionReasonCode", "AssessedByUserId", "AssessedByName", "AssessedAt", "DecidedAt", "MaximumTariffCentsAtDecision")
            SELECT na."Id", 1, 'Approved', 'Assignment', ARRAY[g."CareFunctionCode"], g."StartDate", g."EndDate", 'Hour', 4500, 10,
                'derdenbeding', now(), 'bulk', now(), 'bulk', now(), 'Approve', '00', 'bulk', 'bulk', now(), now(), 6500
            FROM na JOIN g ON g."Id" = na."GrantId";
            """,
            connection);
        command.Parameters.AddWithValue("providers", providers);
        command.CommandTimeout = 3600;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Adds <paramref name="count"/> approved claims of 1 to <paramref name="maxCents"/> cents, spread round-robin over the
    /// approved agreements (each on its agreement's first care function and first day), booked as approvals exactly as
    /// <c>BudgetLedger</c> books them; invoice numbers start with <paramref name="wave"/>. Returns their total in cents.
    /// </summary>
    public static async Task<long> AddApprovedClaimsAsync(string connectionString, int count, string wave, int maxCents = 3)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var max = new NpgsqlCommand("""SELECT COALESCE(MAX("Id"), 0) FROM "Claims" """, connection, transaction);
        var after = (long)(await max.ExecuteScalarAsync())!;
        await Execute(
            """
            WITH ag AS (
                SELECT a."Id", a."CareProviderId", a."GrantId", a."GrantorId", a."BudgetHolderId", v."Id" AS "VersionId", v."CareFunctionCodes"[1] AS code, v."StartDate",
                       row_number() OVER (ORDER BY a."Id") - 1 AS rn
                FROM "CareAgreements" a JOIN "CareAgreementVersions" v ON v."CareAgreementId" = a."Id" AND v."Status" = 'Approved'),
            slots AS (SELECT s, s % (SELECT COUNT(*) FROM ag) AS slot FROM generate_series(0, @count - 1) s)
            INSERT INTO "Claims" ("CareAgreementId", "CareAgreementVersionId", "GrantId", "GrantorId", "BudgetHolderId", "CareProviderId", "Kind", "CareFunctionCode", "BudgetCode",
                "PeriodStart", "PeriodEnd", "BudgetYear", "Units", "TariffCents", "AmountCents", "InvoiceNumber", "InvoiceDate", "Channel", "Status", "SubmittedAt", "SubmittedBy", "DecidedAt", "DecidedBy")
            SELECT ag."Id", ag."VersionId", ag."GrantId", ag."GrantorId", ag."BudgetHolderId", ag."CareProviderId", 'Care', ag.code, ag.code,
                ag."StartDate", ag."StartDate", EXTRACT(YEAR FROM ag."StartDate")::int, 1, 1 + slots.s % @max, 1 + slots.s % @max, @wave || '-' || slots.s, ag."StartDate", 'Api', 'Approved', now(), 'bulk', now(), 'bulk'
            FROM slots JOIN ag ON ag.rn = slots.slot
            """);
        await Execute(
            """
            INSERT INTO "LedgerAccounts" ("Key", "Kind", "GrantorId", "GrantId", "CareFunctionCode", "Year")
            SELECT DISTINCT 'BC/' || c."GrantId" || '/' || c."BudgetCode" || '/' || c."BudgetYear", 'BudgetCommitted', c."GrantorId", c."GrantId", c."BudgetCode", c."BudgetYear"
            FROM "Claims" c WHERE c."Id" > @after
            ON CONFLICT ("Key") DO NOTHING
            """);
        await Execute(
            """
            INSERT INTO "LedgerAccounts" ("Key", "Kind", "GrantorId", "CareProviderId")
            SELECT DISTINCT 'PP/' || c."GrantorId" || '/' || c."CareProviderId", 'ProviderPayable', c."GrantorId", c."CareProviderId"
            FROM "Claims" c WHERE c."Id" > @after
            ON CONFLICT ("Key") DO NOTHING
            """);
        await Execute(
            """
            INSERT INTO "JournalEntries" ("Kind", "BookedAt", "ClaimId", "Description")
            SELECT 'ClaimApproved', now(), c."Id", 'declaratie ' || c."Id" || ' goedgekeurd' FROM "Claims" c WHERE c."Id" > @after
            """);
        await Execute(
            """
            INSERT INTO "LedgerTransfers" ("JournalEntryId", "DebitAccountId", "CreditAccountId", "AmountCents")
            SELECT je."Id", bc."Id", pp."Id", c."AmountCents"
            FROM "Claims" c
            JOIN "JournalEntries" je ON je."ClaimId" = c."Id" AND je."Kind" = 'ClaimApproved'
            JOIN "LedgerAccounts" bc ON bc."Key" = 'BC/' || c."GrantId" || '/' || c."BudgetCode" || '/' || c."BudgetYear"
            JOIN "LedgerAccounts" pp ON pp."Key" = 'PP/' || c."GrantorId" || '/' || c."CareProviderId"
            WHERE c."Id" > @after
            """);
        // Approved and not held: each waits in the payment queue, as Claim.Approve puts it there.
        await Execute(
            """
            INSERT INTO "PayableClaims" ("ClaimId", "GrantorId", "CareProviderId", "BudgetHolderId", "CareAgreementId", "GrantId", "BudgetCode", "BudgetYear", "AmountCents")
            SELECT c."Id", c."GrantorId", c."CareProviderId", c."BudgetHolderId", c."CareAgreementId", c."GrantId", c."BudgetCode", c."BudgetYear", c."AmountCents"
            FROM "Claims" c WHERE c."Id" > @after
            """);
        await using var total = new NpgsqlCommand("""SELECT COALESCE(SUM("AmountCents"), 0)::bigint FROM "Claims" WHERE "Id" > @after""", connection, transaction);
        total.Parameters.AddWithValue("after", after);
        var cents = (long)(await total.ExecuteScalarAsync())!;
        await transaction.CommitAsync();
        return cents;

        async Task Execute(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("wave", wave);
            command.Parameters.AddWithValue("count", count);
            command.Parameters.AddWithValue("max", maxCents);
            command.Parameters.AddWithValue("after", after);
            command.CommandTimeout = 3600;
            await command.ExecuteNonQueryAsync();
        }
    }
}
