using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenPgb.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RiskSignals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CareProviderIbanChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CareProviderId = table.Column<long>(type: "INTEGER", nullable: false),
                    OldIban = table.Column<string>(type: "TEXT", maxLength: 34, nullable: false),
                    NewIban = table.Column<string>(type: "TEXT", maxLength: 34, nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ChangedAt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareProviderIbanChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CareProviderIbanChanges_CareProviders_CareProviderId",
                        column: x => x.CareProviderId,
                        principalTable: "CareProviders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RiskSignals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    GrantorId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    EvidenceHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DetectedAt = table.Column<string>(type: "TEXT", nullable: false),
                    LastSeenAt = table.Column<string>(type: "TEXT", nullable: false),
                    BudgetHolderId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskSignals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskSignals_Grantors_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Grantors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RiskDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RiskSignalId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DecidedAt = table.Column<string>(type: "TEXT", nullable: false),
                    PaymentBlockId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskDecisions_RiskSignals_RiskSignalId",
                        column: x => x.RiskSignalId,
                        principalTable: "RiskSignals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RiskEvidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RiskSignalId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RefId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskEvidence_RiskSignals_RiskSignalId",
                        column: x => x.RiskSignalId,
                        principalTable: "RiskSignals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_iban_changes_provider",
                table: "CareProviderIbanChanges",
                columns: new[] { "CareProviderId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "ix_risk_decisions_signal",
                table: "RiskDecisions",
                column: "RiskSignalId");

            migrationBuilder.CreateIndex(
                name: "ix_risk_evidence_signal",
                table: "RiskEvidence",
                column: "RiskSignalId");

            migrationBuilder.CreateIndex(
                name: "ix_risk_signals_grantor",
                table: "RiskSignals",
                columns: new[] { "GrantorId", "Status" });

            migrationBuilder.CreateIndex(
                name: "ux_risk_signals_undecided",
                table: "RiskSignals",
                columns: new[] { "Indicator", "GrantorId", "SubjectKind", "SubjectId", "Subject", "Period" },
                unique: true,
                filter: "\"Status\" IN ('Open', 'Investigating')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CareProviderIbanChanges");

            migrationBuilder.DropTable(
                name: "RiskDecisions");

            migrationBuilder.DropTable(
                name: "RiskEvidence");

            migrationBuilder.DropTable(
                name: "RiskSignals");
        }
    }
}
