using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenPgb.Core.Data.Migrations.Postgres
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
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AccessLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Event = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BudgetHolderId = table.Column<long>(type: "bigint", nullable: true),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OnBehalfOf = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    GrantorId = table.Column<int>(type: "integer", nullable: true),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProviderNumber = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    KvkNumber = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    AgbCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    VatNumber = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    Iban = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    InvitationCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HouseNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PostalCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Street = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareProviders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MaximumTariffs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GrantorId = table.Column<int>(type: "integer", nullable: false),
                    CareFunctionCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    TariffUnit = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    MaximumCents = table.Column<long>(type: "bigint", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    SetBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GrantorId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Value = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GrantorId = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SubjectId = table.Column<long>(type: "bigint", nullable: false),
                    BudgetHolderId = table.Column<long>(type: "bigint", nullable: true),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AssigneeUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AssigneeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GrantId = table.Column<long>(type: "bigint", nullable: false),
                    GrantorId = table.Column<int>(type: "integer", nullable: false),
                    BudgetHolderId = table.Column<long>(type: "bigint", nullable: false),
                    CareProviderId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CareAgreementId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CareFunctionCodes = table.Column<List<string>>(type: "text[]", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    TariffUnit = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TariffCents = table.Column<long>(type: "bigint", nullable: false),
                    ExpectedUnitsPerMonth = table.Column<int>(type: "integer", nullable: false),
                    FixedMonthlyCents = table.Column<long>(type: "bigint", nullable: true),
                    HolidayAllowanceCents = table.Column<long>(type: "bigint", nullable: true),
                    ThirdPartyClause = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SignedByHolderAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SignedByHolderName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SignedByProviderAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SignedByProviderName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Decision = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    DecisionReasonCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    DecisionText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AssessedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AssessedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AssessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConfirmedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ConfirmedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MaximumTariffCentsAtDecision = table.Column<long>(type: "bigint", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GrantorId = table.Column<int>(type: "integer", nullable: false),
                    GrantId = table.Column<long>(type: "bigint", nullable: false),
                    BudgetHolderId = table.Column<long>(type: "bigint", nullable: false),
                    CareAgreementId = table.Column<long>(type: "bigint", nullable: false),
                    CareAgreementVersionId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Pdf = table.Column<byte[]>(type: "bytea", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Route = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PrintStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PrintedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PrintedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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

            // NEN 7513: the access log is append-only. The database itself refuses UPDATE, DELETE and TRUNCATE, so no
            // code path (or person with the application's credentials) can rewrite history.
            migrationBuilder.Sql("""
                CREATE FUNCTION access_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'access log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
                END;
                $$;
                CREATE TRIGGER access_log_no_update_delete BEFORE UPDATE OR DELETE ON "AccessLog"
                    FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();
                CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON "AccessLog"
                    FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS access_log_no_truncate ON "AccessLog";
                DROP TRIGGER IF EXISTS access_log_no_update_delete ON "AccessLog";
                DROP FUNCTION IF EXISTS access_log_refuse_change();
                """);

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
