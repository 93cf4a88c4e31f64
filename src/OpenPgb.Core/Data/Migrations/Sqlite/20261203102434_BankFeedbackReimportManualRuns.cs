using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenPgb.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BankFeedbackReimportManualRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_bank_feedback_sha256",
                table: "BankFeedbackImports");

            migrationBuilder.CreateTable(
                name: "PaymentRunRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestedAt = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StartedAt = table.Column<string>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<string>(type: "TEXT", nullable: true),
                    PaymentRunId = table.Column<long>(type: "INTEGER", nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentRunRequests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bank_feedback_sha256",
                table: "BankFeedbackImports",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "ix_payment_run_requests_status",
                table: "PaymentRunRequests",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PaymentRunRequests");

            migrationBuilder.DropIndex(
                name: "ix_bank_feedback_sha256",
                table: "BankFeedbackImports");

            migrationBuilder.CreateIndex(
                name: "ux_bank_feedback_sha256",
                table: "BankFeedbackImports",
                column: "Sha256",
                unique: true);
        }
    }
}
