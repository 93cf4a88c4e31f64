using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenPgb.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SlimForeignKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CarriedOverPayments_Grantors_GrantorId",
                table: "CarriedOverPayments");

            migrationBuilder.DropForeignKey(
                name: "FK_Claims_BudgetHolders_BudgetHolderId",
                table: "Claims");

            migrationBuilder.DropForeignKey(
                name: "FK_Claims_CareProviders_CareProviderId",
                table: "Claims");

            migrationBuilder.DropForeignKey(
                name: "FK_Claims_Grantors_GrantorId",
                table: "Claims");

            migrationBuilder.DropForeignKey(
                name: "FK_Claims_Grants_GrantId",
                table: "Claims");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddForeignKey(
                name: "FK_CarriedOverPayments_Grantors_GrantorId",
                table: "CarriedOverPayments",
                column: "GrantorId",
                principalTable: "Grantors",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Claims_BudgetHolders_BudgetHolderId",
                table: "Claims",
                column: "BudgetHolderId",
                principalTable: "BudgetHolders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Claims_CareProviders_CareProviderId",
                table: "Claims",
                column: "CareProviderId",
                principalTable: "CareProviders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Claims_Grantors_GrantorId",
                table: "Claims",
                column: "GrantorId",
                principalTable: "Grantors",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Claims_Grants_GrantId",
                table: "Claims",
                column: "GrantId",
                principalTable: "Grants",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
