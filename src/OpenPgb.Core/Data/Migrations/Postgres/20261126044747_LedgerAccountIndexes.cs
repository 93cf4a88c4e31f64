using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenPgb.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LedgerAccountIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ledger_accounts_grant",
                table: "LedgerAccounts");

            migrationBuilder.DropIndex(
                name: "IX_LedgerAccounts_GrantorId",
                table: "LedgerAccounts");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_accounts_grant",
                table: "LedgerAccounts",
                columns: new[] { "GrantId", "CareFunctionCode", "Year", "Kind" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_accounts_grantor_provider",
                table: "LedgerAccounts",
                columns: new[] { "GrantorId", "CareProviderId", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ledger_accounts_grant",
                table: "LedgerAccounts");

            migrationBuilder.DropIndex(
                name: "ix_ledger_accounts_grantor_provider",
                table: "LedgerAccounts");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_accounts_grant",
                table: "LedgerAccounts",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerAccounts_GrantorId",
                table: "LedgerAccounts",
                column: "GrantorId");
        }
    }
}
