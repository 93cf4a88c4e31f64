using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace OpenPgb.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Bsn = table.Column<string>(type: "character(9)", fixedLength: true, maxLength: 9, nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BudgetHolders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Bsn = table.Column<string>(type: "character(9)", fixedLength: true, maxLength: 9, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Initials = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    NamePrefix = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Surname = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetHolders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CareFunctions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareFunctions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Grantors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LiveFrom = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grantors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GrantorId = table.Column<int>(type: "integer", nullable: false),
                    SecretHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hint = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiTokens_Grantors_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Grantors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Grants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GrantorId = table.Column<int>(type: "integer", nullable: false),
                    BudgetHolderId = table.Column<long>(type: "bigint", nullable: false),
                    BudgetKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Law = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CurrentVersionNumber = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_BudgetHolders_BudgetHolderId",
                        column: x => x.BudgetHolderId,
                        principalTable: "BudgetHolders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Grants_Grantors_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Grantors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UserGrantors",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    GrantorId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserGrantors", x => new { x.UserId, x.GrantorId });
                    table.ForeignKey(
                        name: "FK_UserGrantors_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UserGrantors_Grantors_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Grantors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GrantAccess",
                columns: table => new
                {
                    GrantId = table.Column<long>(type: "bigint", nullable: false),
                    Bsn = table.Column<string>(type: "character(9)", fixedLength: true, maxLength: 9, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantAccess", x => new { x.GrantId, x.Bsn });
                    table.ForeignKey(
                        name: "FK_GrantAccess_Grants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "Grants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntakeMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SizeBytes = table.Column<int>(type: "integer", nullable: false),
                    RawContent = table.Column<byte[]>(type: "bytea", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sender = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    GrantorId = table.Column<int>(type: "integer", nullable: true),
                    MessageCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Identification = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DateSent = table.Column<DateOnly>(type: "date", nullable: true),
                    StandardVersion = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    BudgetKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IsOriginal = table.Column<bool>(type: "boolean", nullable: false),
                    ReturnCodes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Response = table.Column<byte[]>(type: "bytea", nullable: true),
                    GrantId = table.Column<long>(type: "bigint", nullable: true),
                    ReplayOfId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntakeMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntakeMessages_Grantors_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Grantors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IntakeMessages_Grants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "Grants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IntakeMessages_IntakeMessages_ReplayOfId",
                        column: x => x.ReplayOfId,
                        principalTable: "IntakeMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GrantVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GrantId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    IsCurrent = table.Column<bool>(type: "boolean", nullable: false),
                    BudgetKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Law = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    GrantDate = table.Column<DateOnly>(type: "date", nullable: false),
                    IntakeMessageId = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ContactStreet = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ContactHouseNumber = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ContactHouseNumberAddition = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ContactPostalCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ContactCity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ContactCountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrantVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrantVersions_Grants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "Grants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GrantVersions_IntakeMessages_IntakeMessageId",
                        column: x => x.IntakeMessageId,
                        principalTable: "IntakeMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CareFunctionBudgets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GrantVersionId = table.Column<long>(type: "bigint", nullable: false),
                    CareFunctionCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    UnaccountableCents = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareFunctionBudgets", x => x.Id);
                    table.CheckConstraint("ck_care_function_budgets_amount_positive", "\"AmountCents\" > 0");
                    table.CheckConstraint("ck_care_function_budgets_period", "\"EndDate\" >= \"StartDate\"");
                    table.ForeignKey(
                        name: "FK_CareFunctionBudgets_CareFunctions_CareFunctionCode",
                        column: x => x.CareFunctionCode,
                        principalTable: "CareFunctions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CareFunctionBudgets_GrantVersions_GrantVersionId",
                        column: x => x.GrantVersionId,
                        principalTable: "GrantVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Representatives",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GrantVersionId = table.Column<long>(type: "bigint", nullable: false),
                    RoleCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Bsn = table.Column<string>(type: "character(9)", fixedLength: true, maxLength: 9, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Rights = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReceivesCorrespondence = table.Column<bool>(type: "boolean", nullable: false),
                    Initials = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    NamePrefix = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Surname = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Representatives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Representatives_GrantVersions_GrantVersionId",
                        column: x => x.GrantVersionId,
                        principalTable: "GrantVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "CareFunctions",
                columns: new[] { "Code", "Name", "ValidFrom", "ValidTo" },
                values: new object[,]
                {
                    { "01", "Hulp bij het huishouden", new DateOnly(2015, 1, 1), null },
                    { "02", "Begeleiding", new DateOnly(2015, 1, 1), null },
                    { "03", "Persoonlijke verzorging", new DateOnly(2015, 1, 1), null },
                    { "04", "Kortdurend verblijf", new DateOnly(2015, 1, 1), null },
                    { "05", "Woondiensten", new DateOnly(2015, 1, 1), null },
                    { "06", "Overige ondersteuning gericht op het individu of huishouden", new DateOnly(2015, 1, 1), null },
                    { "07", "Dagbesteding", new DateOnly(2015, 1, 1), null },
                    { "08", "Vervoerdiensten", new DateOnly(2015, 1, 1), null },
                    { "09", "Overige groepsgerichte ondersteuning", new DateOnly(2015, 1, 1), null },
                    { "10", "Overige maatwerkarrangementen", new DateOnly(2015, 1, 1), null },
                    { "11", "Rolstoelen", new DateOnly(2015, 1, 1), null },
                    { "12", "Vervoervoorzieningen", new DateOnly(2015, 1, 1), null },
                    { "13", "Woonvoorzieningen", new DateOnly(2015, 1, 1), null },
                    { "14", "Overige hulpmiddelen", new DateOnly(2015, 1, 1), null },
                    { "15", "Beschermd wonen", new DateOnly(2015, 1, 1), null },
                    { "16", "Opvang", new DateOnly(2015, 1, 1), null },
                    { "17", "Spoedopvang", new DateOnly(2015, 1, 1), null },
                    { "18", "Overige beschermd wonen en opvang", new DateOnly(2015, 1, 1), null },
                    { "99", "Totaal zorgpakket", new DateOnly(2015, 1, 1), null }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_GrantorId",
                table: "ApiTokens",
                column: "GrantorId");

            migrationBuilder.CreateIndex(
                name: "ux_api_tokens_secret_hash",
                table: "ApiTokens",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "ix_users_bsn",
                table: "AspNetUsers",
                column: "Bsn");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_budget_holders_bsn",
                table: "BudgetHolders",
                column: "Bsn",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CareFunctionBudgets_CareFunctionCode",
                table: "CareFunctionBudgets",
                column: "CareFunctionCode");

            migrationBuilder.CreateIndex(
                name: "IX_CareFunctionBudgets_GrantVersionId",
                table: "CareFunctionBudgets",
                column: "GrantVersionId");

            migrationBuilder.CreateIndex(
                name: "ix_grant_access_bsn",
                table: "GrantAccess",
                column: "Bsn");

            migrationBuilder.CreateIndex(
                name: "ux_grantors_code",
                table: "Grantors",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_grants_budget_holder",
                table: "Grants",
                column: "BudgetHolderId");

            migrationBuilder.CreateIndex(
                name: "ux_grants_grantor_budget_key",
                table: "Grants",
                columns: new[] { "GrantorId", "BudgetKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_grant_versions_intake_message",
                table: "GrantVersions",
                column: "IntakeMessageId");

            migrationBuilder.CreateIndex(
                name: "ux_grant_versions_grant_number",
                table: "GrantVersions",
                columns: new[] { "GrantId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_intake_messages_grant",
                table: "IntakeMessages",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "ix_intake_messages_grantor",
                table: "IntakeMessages",
                columns: new[] { "GrantorId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_IntakeMessages_ReplayOfId",
                table: "IntakeMessages",
                column: "ReplayOfId");

            migrationBuilder.CreateIndex(
                name: "ux_intake_identity",
                table: "IntakeMessages",
                columns: new[] { "Sender", "MessageCode", "Identification" },
                unique: true,
                filter: "\"IsOriginal\"");

            migrationBuilder.CreateIndex(
                name: "ix_representatives_bsn",
                table: "Representatives",
                column: "Bsn");

            migrationBuilder.CreateIndex(
                name: "IX_Representatives_GrantVersionId",
                table: "Representatives",
                column: "GrantVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_UserGrantors_GrantorId",
                table: "UserGrantors",
                column: "GrantorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "CareFunctionBudgets");

            migrationBuilder.DropTable(
                name: "GrantAccess");

            migrationBuilder.DropTable(
                name: "Representatives");

            migrationBuilder.DropTable(
                name: "UserGrantors");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "CareFunctions");

            migrationBuilder.DropTable(
                name: "GrantVersions");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "IntakeMessages");

            migrationBuilder.DropTable(
                name: "Grants");

            migrationBuilder.DropTable(
                name: "BudgetHolders");

            migrationBuilder.DropTable(
                name: "Grantors");
        }
    }
}
