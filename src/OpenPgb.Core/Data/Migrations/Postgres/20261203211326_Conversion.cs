using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenPgb.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Conversion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_claims_invoice",
                table: "Claims");

            migrationBuilder.AddColumn<long>(
                name: "ConversionId",
                table: "JournalEntries",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Pgb1Number",
                table: "CareProviders",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Pgb1Number",
                table: "CareAgreements",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CarriedOverPayments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClaimId = table.Column<long>(type: "bigint", nullable: false),
                    GrantorId = table.Column<int>(type: "integer", nullable: false),
                    GrantId = table.Column<long>(type: "bigint", nullable: false),
                    CareProviderId = table.Column<long>(type: "bigint", nullable: false),
                    Pgb1Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    Iban = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: false),
                    Reference = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarriedOverPayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarriedOverPayments_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CarriedOverPayments_Grantors_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Grantors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConversionDifferences",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GrantorId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Bsn = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    BudgetKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Field = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Pgb1Value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GrantorValue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FoundAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    GoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversionDifferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConversionDifferences_Grantors_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Grantors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GrantorConversions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GrantorId = table.Column<int>(type: "integer", nullable: false),
                    ReferenceDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ManifestSha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    ConvertedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConvertedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BudgetHolders = table.Column<int>(type: "integer", nullable: false),
                    Stragglers = table.Column<int>(type: "integer", nullable: false),
                    Grants = table.Column<int>(type: "integer", nullable: false),
                    ProvidersCreated = table.Column<int>(type: "integer", nullable: false),
                    ProvidersMatched = table.Column<int>(type: "integer", nullable: false),
                    Agreements = table.Column<int>(type: "integer", nullable: false),
                    Claims = table.Column<int>(type: "integer", nullable: false),
                    Payments = table.Column<int>(type: "integer", nullable: false),
                    PaidCents = table.Column<long>(type: "bigint", nullable: false),
                    CommittedCents = table.Column<long>(type: "bigint", nullable: false),
                    SubmittedCents = table.Column<long>(type: "bigint", nullable: false),
                    Warnings = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantorConversions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantorConversions_Grantors_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Grantors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Stragglers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GrantorId = table.Column<int>(type: "integer", nullable: false),
                    Bsn = table.Column<string>(type: "character(9)", fixedLength: true, maxLength: 9, nullable: false),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Stragglers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Stragglers_Grantors_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Grantors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ux_journal_conversion_kind",
                table: "JournalEntries",
                columns: new[] { "ConversionId", "Kind" },
                unique: true,
                filter: "\"ConversionId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_claims_invoice",
                table: "Claims",
                columns: new[] { "CareProviderId", "InvoiceNumber" },
                unique: true,
                filter: "\"Channel\" <> 'Conversion'");

            migrationBuilder.CreateIndex(
                name: "ux_care_agreements_pgb1",
                table: "CareAgreements",
                columns: new[] { "GrantorId", "Pgb1Number" },
                unique: true,
                filter: "\"Pgb1Number\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_carried_over_payments_grant",
                table: "CarriedOverPayments",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "IX_CarriedOverPayments_GrantorId",
                table: "CarriedOverPayments",
                column: "GrantorId");

            migrationBuilder.CreateIndex(
                name: "ux_carried_over_payments_claim",
                table: "CarriedOverPayments",
                column: "ClaimId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_conversion_differences_grantor",
                table: "ConversionDifferences",
                columns: new[] { "GrantorId", "GoneAt" });

            migrationBuilder.CreateIndex(
                name: "ux_grantor_conversions_grantor",
                table: "GrantorConversions",
                column: "GrantorId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_stragglers_grantor_bsn",
                table: "Stragglers",
                columns: new[] { "GrantorId", "Bsn" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_JournalEntries_GrantorConversions_ConversionId",
                table: "JournalEntries",
                column: "ConversionId",
                principalTable: "GrantorConversions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_JournalEntries_GrantorConversions_ConversionId",
                table: "JournalEntries");

            migrationBuilder.DropTable(
                name: "CarriedOverPayments");

            migrationBuilder.DropTable(
                name: "ConversionDifferences");

            migrationBuilder.DropTable(
                name: "GrantorConversions");

            migrationBuilder.DropTable(
                name: "Stragglers");

            migrationBuilder.DropIndex(
                name: "ux_journal_conversion_kind",
                table: "JournalEntries");

            migrationBuilder.DropIndex(
                name: "ux_claims_invoice",
                table: "Claims");

            migrationBuilder.DropIndex(
                name: "ux_care_agreements_pgb1",
                table: "CareAgreements");

            migrationBuilder.DropColumn(
                name: "ConversionId",
                table: "JournalEntries");

            migrationBuilder.DropColumn(
                name: "Pgb1Number",
                table: "CareProviders");

            migrationBuilder.DropColumn(
                name: "Pgb1Number",
                table: "CareAgreements");

            migrationBuilder.CreateIndex(
                name: "ux_claims_invoice",
                table: "Claims",
                columns: new[] { "CareProviderId", "InvoiceNumber" },
                unique: true);
        }
    }
}
