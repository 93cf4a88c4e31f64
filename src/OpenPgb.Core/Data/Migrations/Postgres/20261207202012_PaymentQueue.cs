using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenPgb.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PaymentQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PaymentItems_Claims_ClaimId",
                table: "PaymentItems");

            migrationBuilder.DropForeignKey(
                name: "FK_PaymentItems_PaymentRuns_PaymentRunId",
                table: "PaymentItems");

            migrationBuilder.DropForeignKey(
                name: "FK_PaymentItems_Payments_PaymentId",
                table: "PaymentItems");

            migrationBuilder.DropPrimaryKey(
                name: "PK_PaymentItems",
                table: "PaymentItems");

            migrationBuilder.DropIndex(
                name: "ix_payment_items_payment",
                table: "PaymentItems");

            migrationBuilder.DropIndex(
                name: "IX_PaymentItems_PaymentRunId",
                table: "PaymentItems");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "PaymentItems");

            migrationBuilder.AddPrimaryKey(
                name: "PK_PaymentItems",
                table: "PaymentItems",
                columns: new[] { "PaymentId", "ClaimId" });

            migrationBuilder.CreateTable(
                name: "PayableClaims",
                columns: table => new
                {
                    ClaimId = table.Column<long>(type: "bigint", nullable: false),
                    GrantorId = table.Column<int>(type: "integer", nullable: false),
                    CareProviderId = table.Column<long>(type: "bigint", nullable: false),
                    BudgetHolderId = table.Column<long>(type: "bigint", nullable: false),
                    CareAgreementId = table.Column<long>(type: "bigint", nullable: false),
                    GrantId = table.Column<long>(type: "bigint", nullable: false),
                    BudgetCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    BudgetYear = table.Column<int>(type: "integer", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PayableClaims", x => x.ClaimId);
                    table.CheckConstraint("ck_payable_claims_amount_positive", "\"AmountCents\" > 0");
                    table.ForeignKey(
                        name: "FK_PayableClaims_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The queue starts with the claims waiting now; claims paid by a run keep their stored status approved
            // from here on, and are paid because of their unreturned item (ADR 0015).
            migrationBuilder.Sql("""
                INSERT INTO "PayableClaims" ("ClaimId", "GrantorId", "CareProviderId", "BudgetHolderId", "CareAgreementId", "GrantId", "BudgetCode", "BudgetYear", "AmountCents")
                SELECT c."Id", c."GrantorId", c."CareProviderId", c."BudgetHolderId", c."CareAgreementId", c."GrantId", c."BudgetCode", c."BudgetYear", c."AmountCents"
                FROM "Claims" c WHERE c."Status" = 'Approved' AND c."HoldReason" IS NULL
                """);
            migrationBuilder.Sql("""
                UPDATE "Claims" SET "Status" = 'Approved'
                WHERE "Status" = 'Paid' AND EXISTS (SELECT 1 FROM "PaymentItems" i WHERE i."ClaimId" = "Claims"."Id" AND i."ReturnedAt" IS NULL)
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "Claims" SET "Status" = 'Paid'
                WHERE "Status" = 'Approved' AND EXISTS (SELECT 1 FROM "PaymentItems" i WHERE i."ClaimId" = "Claims"."Id" AND i."ReturnedAt" IS NULL)
                """);

            migrationBuilder.DropTable(
                name: "PayableClaims");

            migrationBuilder.DropPrimaryKey(
                name: "PK_PaymentItems",
                table: "PaymentItems");

            migrationBuilder.AddColumn<long>(
                name: "Id",
                table: "PaymentItems",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddPrimaryKey(
                name: "PK_PaymentItems",
                table: "PaymentItems",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "ix_payment_items_payment",
                table: "PaymentItems",
                column: "PaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentItems_PaymentRunId",
                table: "PaymentItems",
                column: "PaymentRunId");

            migrationBuilder.AddForeignKey(
                name: "FK_PaymentItems_Claims_ClaimId",
                table: "PaymentItems",
                column: "ClaimId",
                principalTable: "Claims",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_PaymentItems_PaymentRuns_PaymentRunId",
                table: "PaymentItems",
                column: "PaymentRunId",
                principalTable: "PaymentRuns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_PaymentItems_Payments_PaymentId",
                table: "PaymentItems",
                column: "PaymentId",
                principalTable: "Payments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
