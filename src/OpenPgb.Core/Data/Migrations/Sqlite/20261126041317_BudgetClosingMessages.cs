using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenPgb.Core.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GrantorId = table.Column<int>(type: "INTEGER", nullable: false),
                    GrantId = table.Column<long>(type: "INTEGER", nullable: false),
                    BudgetHolderId = table.Column<long>(type: "INTEGER", nullable: false),
                    CareFunctionCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    GrantedCents = table.Column<long>(type: "INTEGER", nullable: false),
                    SpentCents = table.Column<long>(type: "INTEGER", nullable: false),
                    CommittedCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Identification = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    DateSent = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Xml = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    FetchedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    RetourReceivedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    RetourCodes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Accepted = table.Column<bool>(type: "INTEGER", nullable: true)
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
