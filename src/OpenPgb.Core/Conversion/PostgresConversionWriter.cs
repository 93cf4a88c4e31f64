using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using OpenPgb.Core.Claims;
using OpenPgb.Core.Data;
using static OpenPgb.Core.Data.PostgresCopy;

namespace OpenPgb.Core.Conversion;

/// <summary>
/// Writes a conversion's claims and their historic payments on PostgreSQL with binary COPY instead of one INSERT per
/// row through the change tracker (EF's per-entity cost made a million claims take many minutes; ADR 0012). The claims
/// are made by <see cref="Claim.CarryOver"/> as on every provider, and only their columns are copied. Their ids are
/// taken from the table's sequence first (as the intake's writer does), so the payments can be copied straight into
/// their table with their claim's id in a second pass over the export's workspace, without a join back to the claims.
/// Runs on the conversion's connection and inside its transaction, so a rollback or a killed process leaves none of it.
/// </summary>
internal sealed class PostgresConversionWriter(OpenPgbDbContext db, Action<string> phase)
{
    private static readonly string[] ClaimColumns =
    [
        "Id", "CareAgreementId", "CareAgreementVersionId", "GrantId", "GrantorId", "BudgetHolderId", "CareProviderId", "Kind",
        "CareFunctionCode", "BudgetCode", "PeriodStart", "PeriodEnd", "BudgetYear", "Units", "TariffCents", "AmountCents",
        "InvoiceNumber", "InvoiceDate", "Channel", "Status", "SubmittedAt", "SubmittedBy", "DecidedAt", "DecidedBy",
        "RejectionReason", "HoldReason", "ReleasedBy", "ExternalKey", "PaymentDueOn",
    ];

    private static readonly string[] PaymentColumns =
        ["ClaimId", "GrantorId", "GrantId", "CareProviderId", "Pgb1Number", "PaidOn", "AmountCents", "Iban", "Reference"];

    /// <summary>
    /// Copies the <paramref name="count"/> claims <paramref name="rows"/> gives, then their payments (a second
    /// enumeration, in the same order); returns how many payments were written.
    /// </summary>
    public async Task<long> WriteAsync(Func<IEnumerable<(Claim Claim, Pgb1Payment? Payment)>> rows, int count, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var ids = await ReserveIdsAsync(connection, "Claims", count, cancellationToken);
        phase("claim ids reserved");

        var i = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(Copy("Claims", ClaimColumns), cancellationToken))
        {
            // Rows are buffered by the importer; the per-row calls are synchronous to avoid an await per value.
            foreach (var (c, _) in rows())
            {
                if (i == ids.Length)
                {
                    throw new InvalidOperationException($"The export gave more than the {count} claims counted before the transaction.");
                }

                importer.StartRow();
                importer.Write(ids[i++], NpgsqlDbType.Bigint);
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
                WriteNullableValue(importer, c.DecidedAt, NpgsqlDbType.TimestampTz);
                WriteNullable(importer, c.DecidedBy, NpgsqlDbType.Varchar);
                WriteNullable(importer, c.RejectionReason, NpgsqlDbType.Varchar);
                WriteNullable(importer, c.HoldReason, NpgsqlDbType.Varchar);
                WriteNullable(importer, c.ReleasedBy, NpgsqlDbType.Varchar);
                WriteNullable(importer, c.ExternalKey, NpgsqlDbType.Varchar);
                WriteNullableValue(importer, c.PaymentDueOn, NpgsqlDbType.Date);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        if (i != ids.Length)
        {
            throw new InvalidOperationException($"The export gave {i} claims, not the {count} counted before the transaction.");
        }

        phase("claims copied");

        // The approved claims wait for the next payment run: they join the payment queue as Claim.CarryOver's own
        // PayableClaim would have them join it on the other providers.
        var (first, last) = ids.Length == 0 ? (0L, -1L) : (ids.Min(), ids.Max());
        await db.Database.ExecuteSqlRawAsync(
            $$"""
            INSERT INTO "PayableClaims" ("ClaimId", "GrantorId", "CareProviderId", "BudgetHolderId", "CareAgreementId", "GrantId", "BudgetCode", "BudgetYear", "AmountCents")
            SELECT c."Id", c."GrantorId", c."CareProviderId", c."BudgetHolderId", c."CareAgreementId", c."GrantId", c."BudgetCode", c."BudgetYear", c."AmountCents"
            FROM "Claims" c
            WHERE c."Id" BETWEEN {0} AND {1} AND c."Id" = ANY({2}) AND c."Channel" = '{{nameof(ClaimChannel.Conversion)}}'
              AND c."Status" = '{{nameof(ClaimStatus.Approved)}}' AND c."HoldReason" IS NULL
            """,
            [first, last, ids],
            cancellationToken);
        phase("approved claims queued for payment");
        long payments = 0;
        i = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(Copy("CarriedOverPayments", PaymentColumns), cancellationToken))
        {
            foreach (var (c, p) in rows())
            {
                var id = ids[i++];
                if (p is null)
                {
                    continue;
                }

                // Only a paid claim carried over has a payment (CarriedOverPayment's own rule, checked here as its constructor would).
                if (c.Status != ClaimStatus.Paid)
                {
                    throw new InvalidOperationException($"Claim {c.ExternalKey} is not paid but has a carried-over payment.");
                }

                importer.StartRow();
                importer.Write(id, NpgsqlDbType.Bigint);
                importer.Write(c.GrantorId, NpgsqlDbType.Integer);
                importer.Write(c.GrantId, NpgsqlDbType.Bigint);
                importer.Write(c.CareProviderId, NpgsqlDbType.Bigint);
                importer.Write(p.Number, NpgsqlDbType.Varchar);
                importer.Write(p.PaidOn, NpgsqlDbType.Date);
                importer.Write(p.AmountCents, NpgsqlDbType.Bigint);
                importer.Write(Parties.Iban.Normalize(p.Iban), NpgsqlDbType.Varchar);
                importer.Write(p.Reference, NpgsqlDbType.Varchar);
                payments++;
            }

            await importer.CompleteAsync(cancellationToken);
        }

        phase("payments copied");
        return payments;
    }

    private static string Copy(string table, string[] columns) =>
        $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";
}
