using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenPgb.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BudgetClosingMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BudgetClosingMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GrantorId = table.Column<int>(type: "integer", nullable: false),
                    GrantId = table.Column<long>(type: "bigint", nullable: false),
                    BudgetHolderId = table.Column<long>(type: "bigint", nullable: false),
                    CareFunctionCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    GrantedCents = table.Column<long>(type: "bigint", nullable: false),
                    SpentCents = table.Column<long>(type: "bigint", nullable: false),
                    CommittedCents = table.Column<long>(type: "bigint", nullable: false),
                    Identification = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    DateSent = table.Column<DateOnly>(type: "date", nullable: false),
                    Xml = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FetchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RetourReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RetourCodes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Accepted = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetClosingMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetClosingMessages_Grantors_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Grantors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BudgetClosingMessages_Grants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "Grants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_budget_closing_identification",
                table: "BudgetClosingMessages",
                column: "Identification");

            migrationBuilder.CreateIndex(
                name: "ix_budget_closing_outbox",
                table: "BudgetClosingMessages",
                columns: new[] { "GrantorId", "RetourReceivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "ux_budget_closing_once",
                table: "BudgetClosingMessages",
                columns: new[] { "GrantId", "CareFunctionCode", "PeriodStart", "PeriodEnd", "Reason" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BudgetClosingMessages");
        }
    }
}
