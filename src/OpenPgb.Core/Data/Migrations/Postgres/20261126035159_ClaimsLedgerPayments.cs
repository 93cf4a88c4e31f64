using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenPgb.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClaimsLedgerPayments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Claims",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CareAgreementId = table.Column<long>(type: "bigint", nullable: false),
                    CareAgreementVersionId = table.Column<long>(type: "bigint", nullable: false),
                    GrantId = table.Column<long>(type: "bigint", nullable: false),
                    GrantorId = table.Column<int>(type: "integer", nullable: false),
                    BudgetHolderId = table.Column<long>(type: "bigint", nullable: false),
                    CareProviderId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CareFunctionCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    BudgetCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Units = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    TariffCents = table.Column<long>(type: "bigint", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    InvoiceNumber = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    InvoiceDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RejectionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    HoldReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReleasedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ExternalKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    BudgetYear = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Claims", x => x.Id);
                    table.CheckConstraint("ck_claims_amount_positive", "\"AmountCents\" > 0");
                    table.CheckConstraint("ck_claims_period", "\"PeriodEnd\" >= \"PeriodStart\"");
                    table.ForeignKey(
                        name: "FK_Claims_BudgetHolders_BudgetHolderId",
                        column: x => x.BudgetHolderId,
                        principalTable: "BudgetHolders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Claims_CareAgreementVersions_CareAgreementVersionId",
                        column: x => x.CareAgreementVersionId,
                        principalTable: "CareAgreementVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Claims_CareAgreements_CareAgreementId",
                        column: x => x.CareAgreementId,
                        principalTable: "CareAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Claims_CareProviders_CareProviderId",
                        column: x => x.CareProviderId,
                        principalTable: "CareProviders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Claims_Grantors_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Grantors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Claims_Grants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "Grants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerAccounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    GrantorId = table.Column<int>(type: "integer", nullable: false),
                    GrantId = table.Column<long>(type: "bigint", nullable: true),
                    CareFunctionCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: true),
                    CareProviderId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerAccounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerAccounts_Grantors_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Grantors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaymentBlocks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GrantorId = table.Column<int>(type: "integer", nullable: false),
                    Subject = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SubjectId = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    Until = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LiftedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LiftedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentBlocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentBlocks_Grantors_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Grantors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaymentRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BusinessDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ExecutionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    MessageId = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PaymentCount = table.Column<int>(type: "integer", nullable: false),
                    ClaimCount = table.Column<int>(type: "integer", nullable: false),
                    TotalCents = table.Column<long>(type: "bigint", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Payments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PaymentRunId = table.Column<long>(type: "bigint", nullable: false),
                    GrantorId = table.Column<int>(type: "integer", nullable: false),
                    CareProviderId = table.Column<long>(type: "bigint", nullable: false),
                    EndToEndId = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    CreditorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreditorIban = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    ClaimCount = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReturnReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReturnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Payments", x => x.Id);
                    table.CheckConstraint("ck_payments_amount_positive", "\"AmountCents\" > 0");
                    table.ForeignKey(
                        name: "FK_Payments_CareProviders_CareProviderId",
                        column: x => x.CareProviderId,
                        principalTable: "CareProviders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Payments_Grantors_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Grantors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Payments_PaymentRuns_PaymentRunId",
                        column: x => x.PaymentRunId,
                        principalTable: "PaymentRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JournalEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BookedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClaimId = table.Column<long>(type: "bigint", nullable: true),
                    PaymentId = table.Column<long>(type: "bigint", nullable: true),
                    ReversesEntryId = table.Column<long>(type: "bigint", nullable: true),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JournalEntries_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JournalEntries_JournalEntries_ReversesEntryId",
                        column: x => x.ReversesEntryId,
                        principalTable: "JournalEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JournalEntries_Payments_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "Payments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaymentItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PaymentId = table.Column<long>(type: "bigint", nullable: false),
                    PaymentRunId = table.Column<long>(type: "bigint", nullable: false),
                    ClaimId = table.Column<long>(type: "bigint", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    ReturnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentItems", x => x.Id);
                    table.CheckConstraint("ck_payment_items_amount_positive", "\"AmountCents\" > 0");
                    table.ForeignKey(
                        name: "FK_PaymentItems_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaymentItems_PaymentRuns_PaymentRunId",
                        column: x => x.PaymentRunId,
                        principalTable: "PaymentRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaymentItems_Payments_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "Payments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerTransfers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JournalEntryId = table.Column<long>(type: "bigint", nullable: false),
                    DebitAccountId = table.Column<long>(type: "bigint", nullable: false),
                    CreditAccountId = table.Column<long>(type: "bigint", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerTransfers", x => x.Id);
                    table.CheckConstraint("ck_transfers_amount_positive", "\"AmountCents\" > 0");
                    table.CheckConstraint("ck_transfers_two_accounts", "\"DebitAccountId\" <> \"CreditAccountId\"");
                    table.ForeignKey(
                        name: "FK_LedgerTransfers_JournalEntries_JournalEntryId",
                        column: x => x.JournalEntryId,
                        principalTable: "JournalEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LedgerTransfers_LedgerAccounts_CreditAccountId",
                        column: x => x.CreditAccountId,
                        principalTable: "LedgerAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LedgerTransfers_LedgerAccounts_DebitAccountId",
                        column: x => x.DebitAccountId,
                        principalTable: "LedgerAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_claims_agreement",
                table: "Claims",
                columns: new[] { "CareAgreementId", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Claims_CareAgreementVersionId",
                table: "Claims",
                column: "CareAgreementVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_GrantId",
                table: "Claims",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_GrantorId",
                table: "Claims",
                column: "GrantorId");

            migrationBuilder.CreateIndex(
                name: "ix_claims_holder",
                table: "Claims",
                columns: new[] { "BudgetHolderId", "Status" });

            migrationBuilder.CreateIndex(
                name: "ix_claims_provider",
                table: "Claims",
                columns: new[] { "CareProviderId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "ix_claims_status",
                table: "Claims",
                columns: new[] { "Status", "GrantorId" });

            migrationBuilder.CreateIndex(
                name: "ux_claims_external_key",
                table: "Claims",
                columns: new[] { "CareProviderId", "ExternalKey" },
                unique: true,
                filter: "\"ExternalKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_claims_invoice",
                table: "Claims",
                columns: new[] { "CareProviderId", "InvoiceNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_ReversesEntryId",
                table: "JournalEntries",
                column: "ReversesEntryId");

            migrationBuilder.CreateIndex(
                name: "ux_journal_claim_kind",
                table: "JournalEntries",
                columns: new[] { "ClaimId", "Kind" },
                unique: true,
                filter: "\"ClaimId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_journal_payment_kind",
                table: "JournalEntries",
                columns: new[] { "PaymentId", "Kind" },
                unique: true,
                filter: "\"PaymentId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_accounts_grant",
                table: "LedgerAccounts",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerAccounts_GrantorId",
                table: "LedgerAccounts",
                column: "GrantorId");

            migrationBuilder.CreateIndex(
                name: "ux_ledger_accounts_key",
                table: "LedgerAccounts",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTransfers_JournalEntryId",
                table: "LedgerTransfers",
                column: "JournalEntryId");

            migrationBuilder.CreateIndex(
                name: "ix_transfers_credit",
                table: "LedgerTransfers",
                column: "CreditAccountId");

            migrationBuilder.CreateIndex(
                name: "ix_transfers_debit",
                table: "LedgerTransfers",
                column: "DebitAccountId");

            migrationBuilder.CreateIndex(
                name: "ix_payment_blocks_grantor",
                table: "PaymentBlocks",
                columns: new[] { "GrantorId", "LiftedAt" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_blocks_subject",
                table: "PaymentBlocks",
                columns: new[] { "Subject", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_items_payment",
                table: "PaymentItems",
                column: "PaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentItems_PaymentRunId",
                table: "PaymentItems",
                column: "PaymentRunId");

            migrationBuilder.CreateIndex(
                name: "ux_payment_items_claim_unpaid_once",
                table: "PaymentItems",
                column: "ClaimId",
                unique: true,
                filter: "\"ReturnedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_payment_runs_date",
                table: "PaymentRuns",
                columns: new[] { "BusinessDate", "Kind" });

            migrationBuilder.CreateIndex(
                name: "ux_payment_runs_message_id",
                table: "PaymentRuns",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Payments_GrantorId",
                table: "Payments",
                column: "GrantorId");

            migrationBuilder.CreateIndex(
                name: "ix_payments_provider",
                table: "Payments",
                columns: new[] { "CareProviderId", "PaymentRunId" });

            migrationBuilder.CreateIndex(
                name: "ux_payments_end_to_end",
                table: "Payments",
                column: "EndToEndId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_payments_run_grantor_provider",
                table: "Payments",
                columns: new[] { "PaymentRunId", "GrantorId", "CareProviderId" },
                unique: true);

            // The ledger is append-only: corrections are reversing entries. The database refuses UPDATE, DELETE and
            // TRUNCATE on journal entries and transfers, whatever code path or person tries.
            migrationBuilder.Sql("""
                CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'the ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
                END;
                $$;
                CREATE TRIGGER journal_entries_no_update_delete BEFORE UPDATE OR DELETE ON "JournalEntries"
                    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
                CREATE TRIGGER journal_entries_no_truncate BEFORE TRUNCATE ON "JournalEntries"
                    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
                CREATE TRIGGER ledger_transfers_no_update_delete BEFORE UPDATE OR DELETE ON "LedgerTransfers"
                    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
                CREATE TRIGGER ledger_transfers_no_truncate BEFORE TRUNCATE ON "LedgerTransfers"
                    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS ledger_transfers_no_truncate ON "LedgerTransfers";
                DROP TRIGGER IF EXISTS ledger_transfers_no_update_delete ON "LedgerTransfers";
                DROP TRIGGER IF EXISTS journal_entries_no_truncate ON "JournalEntries";
                DROP TRIGGER IF EXISTS journal_entries_no_update_delete ON "JournalEntries";
                DROP FUNCTION IF EXISTS ledger_refuse_change();
                """);

            migrationBuilder.DropTable(
                name: "LedgerTransfers");

            migrationBuilder.DropTable(
                name: "PaymentBlocks");

            migrationBuilder.DropTable(
                name: "PaymentItems");

            migrationBuilder.DropTable(
                name: "JournalEntries");

            migrationBuilder.DropTable(
                name: "LedgerAccounts");

            migrationBuilder.DropTable(
                name: "Claims");

            migrationBuilder.DropTable(
                name: "Payments");

            migrationBuilder.DropTable(
                name: "PaymentRuns");
        }
    }
}
