using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Conversion;

/// <summary>
/// Writes a conversion's claims and their historic payments on PostgreSQL with binary COPY instead of one INSERT per
/// row through the change tracker (EF's per-entity cost made a million claims take many minutes; ADR 0012). The claims
/// are made by <see cref="Claim.CarryOver"/> as on every provider, and only their columns are copied; the payments go
/// into a temporary table and reach their claims by the claim's external key in one INSERT ... SELECT. Runs on the
/// conversion's connection and inside its transaction, so a rollback or a killed process leaves none of it.
/// </summary>
internal sealed class PostgresConversionWriter(OpenPgbDbContext db, Action<string> phase)
{
    private static readonly string[] ClaimColumns =
    [
        "CareAgreementId", "CareAgreementVersionId", "GrantId", "GrantorId", "BudgetHolderId", "CareProviderId", "Kind",
        "CareFunctionCode", "BudgetCode", "PeriodStart", "PeriodEnd", "BudgetYear", "Units", "TariffCents", "AmountCents",
        "InvoiceNumber", "InvoiceDate", "Channel", "Status", "SubmittedAt", "SubmittedBy", "DecidedAt", "DecidedBy",
        "RejectionReason", "HoldReason", "ReleasedBy", "ExternalKey",
    ];

    /// <summary>Copies the claims, then links each payment to its (paid) claim; returns how many payments were linked.</summary>
    public async Task<long> WriteAsync(int grantorId, IEnumerable<Claim> claims, IEnumerable<(string ClaimKey, Pgb1Payment Payment)> payments, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var columns = string.Join(", ", ClaimColumns.Select(c => $"\"{c}\""));
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY \"Claims\" ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            // Rows are buffered by the importer; the per-row calls are synchronous to avoid an await per value.
            foreach (var c in claims)
            {
                importer.StartRow();
                importer.Write(c.CareAgreementId, NpgsqlDbType.Bigint);
                importer.Write(c.CareAgreementVersionId, NpgsqlDbType.Bigint);
                importer.Write(c.GrantId, NpgsqlDbType.Bigint);
                importer.Write(c.GrantorId, NpgsqlDbType.Integer);
                importer.Write(c.BudgetHolderId, NpgsqlDbType.Bigint);
                importer.Write(c.CareProviderId, NpgsqlDbType.Bigint);
                importer.Write(c.Kind.ToString(), NpgsqlDbType.Varchar);
                importer.Write(c.CareFunctionCode, NpgsqlDbType.Varchar);
                importer.Write(c.BudgetCode, NpgsqlDbType.Varchar);
                importer.Write(c.PeriodStart, NpgsqlDbType.Date);
                importer.Write(c.PeriodEnd, NpgsqlDbType.Date);
                importer.Write(c.BudgetYear, NpgsqlDbType.Integer);
                importer.Write(c.Units, NpgsqlDbType.Numeric);
                importer.Write(c.TariffCents, NpgsqlDbType.Bigint);
                importer.Write(c.AmountCents, NpgsqlDbType.Bigint);
                importer.Write(c.InvoiceNumber, NpgsqlDbType.Varchar);
                importer.Write(c.InvoiceDate, NpgsqlDbType.Date);
                importer.Write(c.Channel.ToString(), NpgsqlDbType.Varchar);
                importer.Write(c.Status.ToString(), NpgsqlDbType.Varchar);
                importer.Write(c.SubmittedAt, NpgsqlDbType.TimestampTz);
                importer.Write(c.SubmittedBy, NpgsqlDbType.Varchar);
                WriteNullable(importer, c.DecidedAt, NpgsqlDbType.TimestampTz);
                WriteNullable(importer, c.DecidedBy, NpgsqlDbType.Varchar);
                WriteNullable(importer, c.RejectionReason, NpgsqlDbType.Varchar);
                WriteNullable(importer, c.HoldReason, NpgsqlDbType.Varchar);
                WriteNullable(importer, c.ReleasedBy, NpgsqlDbType.Varchar);
                WriteNullable(importer, c.ExternalKey, NpgsqlDbType.Varchar);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        phase("claims copied");
        await using (var create = new NpgsqlCommand(
            """
            CREATE TEMP TABLE conversion_payments (claim_key varchar(100) NOT NULL, number varchar(40) NOT NULL, paid_on date NOT NULL,
              amount_cents bigint NOT NULL, iban varchar(34) NOT NULL, reference varchar(140) NOT NULL) ON COMMIT DROP
            """,
            connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        long copied = 0;
        await using (var importer = await connection.BeginBinaryImportAsync("COPY conversion_payments (claim_key, number, paid_on, amount_cents, iban, reference) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (key, p) in payments)
            {
                importer.StartRow();
                importer.Write(key, NpgsqlDbType.Varchar);
                importer.Write(p.Number, NpgsqlDbType.Varchar);
                importer.Write(p.PaidOn, NpgsqlDbType.Date);
                importer.Write(p.AmountCents, NpgsqlDbType.Bigint);
                importer.Write(Parties.Iban.Normalize(p.Iban), NpgsqlDbType.Varchar);
                importer.Write(p.Reference, NpgsqlDbType.Varchar);
                copied++;
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using var insert = new NpgsqlCommand(
            $"""
            INSERT INTO "CarriedOverPayments" ("ClaimId", "GrantorId", "GrantId", "CareProviderId", "Pgb1Number", "PaidOn", "AmountCents", "Iban", "Reference")
            SELECT c."Id", c."GrantorId", c."GrantId", c."CareProviderId", p.number, p.paid_on, p.amount_cents, p.iban, p.reference
            FROM conversion_payments p
            JOIN "Claims" c ON c."GrantorId" = $1 AND c."Channel" = '{nameof(ClaimChannel.Conversion)}' AND c."Status" = '{nameof(ClaimStatus.Paid)}' AND c."ExternalKey" = p.claim_key
            """,
            connection);
        insert.Parameters.Add(new NpgsqlParameter { Value = grantorId });
        insert.CommandTimeout = 0;
        phase("payments copied");
        var linked = await insert.ExecuteNonQueryAsync(cancellationToken);

        // Only a paid claim carried over has a payment (CarriedOverPayment's own rule): every one must have found it.
        return linked == copied
            ? linked
            : throw new InvalidOperationException($"Only {linked} of {copied} carried-over payments found their paid claim.");
    }

    private static void WriteNullable(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, type);
        }
    }

    private static void WriteNullable(NpgsqlBinaryImporter importer, DateTimeOffset? value, NpgsqlDbType type)
    {
        if (value is { } instant)
        {
            importer.Write(instant, type);
        }
        else
        {
            importer.WriteNull();
        }
    }
}
