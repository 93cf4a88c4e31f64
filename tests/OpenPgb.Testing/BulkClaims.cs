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
    /// Adds <paramref name="count"/> approved claims (1 to 3 cents each, care function 02, October 2026) spread over the
    /// approved agreements of the grants, booked as approvals; invoice numbers start with <paramref name="wave"/>.
    /// Returns their total in cents.
    /// </summary>
    public static async Task<long> AddApprovedClaimsAsync(string connectionString, int count, string wave)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Execute(
            """
            WITH ag AS (
                SELECT a."Id", a."CareProviderId", a."GrantId", a."GrantorId", a."BudgetHolderId", v."Id" AS "VersionId",
                       row_number() OVER (ORDER BY a."Id") - 1 AS rn, COUNT(*) OVER () AS n
                FROM "CareAgreements" a JOIN "CareAgreementVersions" v ON v."CareAgreementId" = a."Id" AND v."Status" = 'Approved')
            INSERT INTO "Claims" ("CareAgreementId", "CareAgreementVersionId", "GrantId", "GrantorId", "BudgetHolderId", "CareProviderId", "Kind", "CareFunctionCode", "BudgetCode",
                "PeriodStart", "PeriodEnd", "BudgetYear", "Units", "TariffCents", "AmountCents", "InvoiceNumber", "InvoiceDate", "Channel", "Status", "SubmittedAt", "SubmittedBy", "DecidedAt", "DecidedBy")
            SELECT ag."Id", ag."VersionId", ag."GrantId", ag."GrantorId", ag."BudgetHolderId", ag."CareProviderId", 'Care', '02', '02',
                DATE '2026-10-01', DATE '2026-10-31', 2026, 1, 1 + s % 3, 1 + s % 3, @wave || '-' || s, DATE '2026-11-01', 'Api', 'Approved', now(), 'bulk', now(), 'bulk'
            FROM generate_series(0, @count - 1) s JOIN ag ON ag.rn = s % ag.n
            """);
        await Execute(
            """
            INSERT INTO "LedgerAccounts" ("Key", "Kind", "GrantorId", "GrantId", "CareFunctionCode", "Year")
            SELECT DISTINCT 'BC/' || c."GrantId" || '/' || c."BudgetCode" || '/' || c."BudgetYear", 'BudgetCommitted', c."GrantorId", c."GrantId", c."BudgetCode", c."BudgetYear"
            FROM "Claims" c WHERE c."InvoiceNumber" LIKE @wave || '-%'
            ON CONFLICT ("Key") DO NOTHING
            """);
        await Execute(
            """
            INSERT INTO "LedgerAccounts" ("Key", "Kind", "GrantorId", "CareProviderId")
            SELECT DISTINCT 'PP/' || c."GrantorId" || '/' || c."CareProviderId", 'ProviderPayable', c."GrantorId", c."CareProviderId"
            FROM "Claims" c WHERE c."InvoiceNumber" LIKE @wave || '-%'
            ON CONFLICT ("Key") DO NOTHING
            """);
        await Execute(
            """
            INSERT INTO "JournalEntries" ("Kind", "BookedAt", "ClaimId", "Description")
            SELECT 'ClaimApproved', now(), c."Id", 'declaratie ' || c."Id" || ' goedgekeurd' FROM "Claims" c WHERE c."InvoiceNumber" LIKE @wave || '-%'
            """);
        await Execute(
            """
            INSERT INTO "LedgerTransfers" ("JournalEntryId", "DebitAccountId", "CreditAccountId", "AmountCents")
            SELECT je."Id", bc."Id", pp."Id", c."AmountCents"
            FROM "Claims" c
            JOIN "JournalEntries" je ON je."ClaimId" = c."Id" AND je."Kind" = 'ClaimApproved'
            JOIN "LedgerAccounts" bc ON bc."Key" = 'BC/' || c."GrantId" || '/' || c."BudgetCode" || '/' || c."BudgetYear"
            JOIN "LedgerAccounts" pp ON pp."Key" = 'PP/' || c."GrantorId" || '/' || c."CareProviderId"
            WHERE c."InvoiceNumber" LIKE @wave || '-%'
            """);
        await using var total = new NpgsqlCommand("""SELECT COALESCE(SUM("AmountCents"), 0)::bigint FROM "Claims" WHERE "InvoiceNumber" LIKE @wave || '-%'""", connection, transaction);
        total.Parameters.AddWithValue("wave", wave);
        var cents = (long)(await total.ExecuteScalarAsync())!;
        await transaction.CommitAsync();
        return cents;

        async Task Execute(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("wave", wave);
            command.Parameters.AddWithValue("count", count);
            command.CommandTimeout = 600;
            await command.ExecuteNonQueryAsync();
        }
    }
}
