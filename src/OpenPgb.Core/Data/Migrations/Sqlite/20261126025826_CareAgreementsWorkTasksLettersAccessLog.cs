using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenPgb.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CareAgreementsWorkTasksLettersAccessLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CareProviderId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AccessLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BudgetHolderId = table.Column<long>(type: "INTEGER", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OnBehalfOf = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    GrantorId = table.Column<int>(type: "INTEGER", nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessLog_BudgetHolders_BudgetHolderId",
                        column: x => x.BudgetHolderId,
                        principalTable: "BudgetHolders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CareProviders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProviderNumber = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    KvkNumber = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    AgbCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    VatNumber = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    Iban = table.Column<string>(type: "TEXT", maxLength: 34, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    InvitationCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HouseNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Street = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareProviders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MaximumTariffs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GrantorId = table.Column<int>(type: "INTEGER", nullable: false),
                    CareFunctionCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    TariffUnit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MaximumCents = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SetAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaximumTariffs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaximumTariffs_Grantors_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Grantors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProcessChoices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GrantorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessChoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcessChoices_Grantors_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Grantors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkTasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GrantorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    BudgetHolderId = table.Column<long>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AssigneeUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AssigneeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    CompletedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkTasks_Grantors_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Grantors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CareAgreements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GrantId = table.Column<long>(type: "INTEGER", nullable: false),
                    GrantorId = table.Column<int>(type: "INTEGER", nullable: false),
                    BudgetHolderId = table.Column<long>(type: "INTEGER", nullable: false),
                    CareProviderId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CareAgreements_BudgetHolders_BudgetHolderId",
                        column: x => x.BudgetHolderId,
                        principalTable: "BudgetHolders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CareAgreements_CareProviders_CareProviderId",
                        column: x => x.CareProviderId,
                        principalTable: "CareProviders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CareAgreements_Grantors_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Grantors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CareAgreements_Grants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "Grants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CareAgreementVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CareAgreementId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CareFunctionCodes = table.Column<string>(type: "TEXT", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TariffUnit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TariffCents = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpectedUnitsPerMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    FixedMonthlyCents = table.Column<long>(type: "INTEGER", nullable: true),
                    HolidayAllowanceCents = table.Column<long>(type: "INTEGER", nullable: true),
                    ThirdPartyClause = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SignedByHolderAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    SignedByHolderName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SignedByProviderAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    SignedByProviderName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DecisionReasonCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    DecisionText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AssessedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AssessedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AssessedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ConfirmedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ConfirmedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    MaximumTariffCentsAtDecision = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareAgreementVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CareAgreementVersions_CareAgreements_CareAgreementId",
                        column: x => x.CareAgreementId,
                        principalTable: "CareAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Letters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GrantorId = table.Column<int>(type: "INTEGER", nullable: false),
                    GrantId = table.Column<long>(type: "INTEGER", nullable: false),
                    BudgetHolderId = table.Column<long>(type: "INTEGER", nullable: false),
                    CareAgreementId = table.Column<long>(type: "INTEGER", nullable: false),
                    CareAgreementVersionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Pdf = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PrintStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    PrintedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    PrintedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Letters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Letters_BudgetHolders_BudgetHolderId",
                        column: x => x.BudgetHolderId,
                        principalTable: "BudgetHolders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Letters_CareAgreementVersions_CareAgreementVersionId",
                        column: x => x.CareAgreementVersionId,
                        principalTable: "CareAgreementVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Letters_CareAgreements_CareAgreementId",
                        column: x => x.CareAgreementId,
                        principalTable: "CareAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Letters_Grantors_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Grantors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Letters_Grants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "Grants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_CareProviderId",
                table: "AspNetUsers",
                column: "CareProviderId");

            migrationBuilder.CreateIndex(
                name: "ix_access_log_budget_holder",
                table: "AccessLog",
                columns: new[] { "BudgetHolderId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "ux_access_log_sequence",
                table: "AccessLog",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_care_agreements_grant",
                table: "CareAgreements",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "ix_care_agreements_grantor",
                table: "CareAgreements",
                column: "GrantorId");

            migrationBuilder.CreateIndex(
                name: "ix_care_agreements_provider",
                table: "CareAgreements",
                column: "CareProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_CareAgreements_BudgetHolderId",
                table: "CareAgreements",
                column: "BudgetHolderId");

            migrationBuilder.CreateIndex(
                name: "ix_care_agreement_versions_status",
                table: "CareAgreementVersions",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "ux_care_agreement_versions_number",
                table: "CareAgreementVersions",
                columns: new[] { "CareAgreementId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_care_providers_iban",
                table: "CareProviders",
                column: "Iban");

            migrationBuilder.CreateIndex(
                name: "ix_care_providers_kvk",
                table: "CareProviders",
                column: "KvkNumber");

            migrationBuilder.CreateIndex(
                name: "ux_care_providers_invitation",
                table: "CareProviders",
                column: "InvitationCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_care_providers_number",
                table: "CareProviders",
                column: "ProviderNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Letters_BudgetHolderId",
                table: "Letters",
                column: "BudgetHolderId");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_CareAgreementId",
                table: "Letters",
                column: "CareAgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_CareAgreementVersionId",
                table: "Letters",
                column: "CareAgreementVersionId");

            migrationBuilder.CreateIndex(
                name: "ix_letters_grant",
                table: "Letters",
                columns: new[] { "GrantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Letters_GrantorId",
                table: "Letters",
                column: "GrantorId");

            migrationBuilder.CreateIndex(
                name: "ix_letters_print_queue",
                table: "Letters",
                columns: new[] { "Route", "PrintStatus" });

            migrationBuilder.CreateIndex(
                name: "ux_maximum_tariffs_from",
                table: "MaximumTariffs",
                columns: new[] { "GrantorId", "CareFunctionCode", "TariffUnit", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_process_choices_kind",
                table: "ProcessChoices",
                columns: new[] { "GrantorId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "ix_work_tasks_assignee",
                table: "WorkTasks",
                columns: new[] { "GrantorId", "Status", "AssigneeUserId" });

            migrationBuilder.CreateIndex(
                name: "ix_work_tasks_list",
                table: "WorkTasks",
                columns: new[] { "GrantorId", "Status", "Deadline", "Id" });

            migrationBuilder.CreateIndex(
                name: "ix_work_tasks_subject",
                table: "WorkTasks",
                columns: new[] { "SubjectKind", "SubjectId" });

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_CareProviders_CareProviderId",
                table: "AspNetUsers",
                column: "CareProviderId",
                principalTable: "CareProviders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_CareProviders_CareProviderId",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "AccessLog");

            migrationBuilder.DropTable(
                name: "Letters");

            migrationBuilder.DropTable(
                name: "MaximumTariffs");

            migrationBuilder.DropTable(
                name: "ProcessChoices");

            migrationBuilder.DropTable(
                name: "WorkTasks");

            migrationBuilder.DropTable(
                name: "CareAgreementVersions");

            migrationBuilder.DropTable(
                name: "CareAgreements");

            migrationBuilder.DropTable(
                name: "CareProviders");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_CareProviderId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "CareProviderId",
                table: "AspNetUsers");
        }
    }
}
