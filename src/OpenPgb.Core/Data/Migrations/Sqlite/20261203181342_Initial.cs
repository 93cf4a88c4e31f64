using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace OpenPgb.Core.Data.Migrations.Sqlite
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
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BankFeedbackImports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    ImportedAt = table.Column<string>(type: "TEXT", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Returned = table.Column<int>(type: "INTEGER", nullable: false),
                    Unknown = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BankFeedbackImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BudgetHolders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Bsn = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 9, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Initials = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    NamePrefix = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Surname = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetHolders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CareFunctions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareFunctions", x => x.Code);
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
                    RegisteredAt = table.Column<string>(type: "TEXT", nullable: false),
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
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Grantors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grantors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LoginAttempts",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstFailureAt = table.Column<string>(type: "TEXT", nullable: false),
                    LockedUntil = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoginAttempts", x => x.Key);
                });

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

            migrationBuilder.CreateTable(
                name: "PaymentRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BusinessDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExecutionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PaymentCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimCount = table.Column<int>(type: "INTEGER", nullable: false),
                    TotalCents = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FileSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CompletedAt = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
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
                name: "AccessLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<string>(type: "TEXT", nullable: false),
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
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Bsn = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 9, nullable: true),
                    CareProviderId = table.Column<long>(type: "INTEGER", nullable: true),
                    ActiveGrantorId = table.Column<int>(type: "INTEGER", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<string>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_CareProviders_CareProviderId",
                        column: x => x.CareProviderId,
                        principalTable: "CareProviders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ClaimUploads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CareProviderId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<string>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    TotalRows = table.Column<int>(type: "INTEGER", nullable: false),
                    Accepted = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultJson = table.Column<string>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<string>(type: "TEXT", nullable: true),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimUploads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimUploads_CareProviders_CareProviderId",
                        column: x => x.CareProviderId,
                        principalTable: "CareProviders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProviderApiTokens",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CareProviderId = table.Column<long>(type: "INTEGER", nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hint = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProviderApiTokens_CareProviders_CareProviderId",
                        column: x => x.CareProviderId,
                        principalTable: "CareProviders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GrantorId = table.Column<int>(type: "INTEGER", nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hint = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<string>(type: "TEXT", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GrantorId = table.Column<int>(type: "INTEGER", nullable: false),
                    BudgetHolderId = table.Column<long>(type: "INTEGER", nullable: false),
                    BudgetKey = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Law = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CurrentVersionNumber = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "LedgerAccounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    GrantorId = table.Column<int>(type: "INTEGER", nullable: false),
                    GrantId = table.Column<long>(type: "INTEGER", nullable: true),
                    CareFunctionCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    CareProviderId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerAccounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerAccounts_Grantors_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Grantors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                    SetAt = table.Column<string>(type: "TEXT", nullable: false)
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
                name: "PaymentBlocks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GrantorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    LiftedAt = table.Column<string>(type: "TEXT", nullable: true),
                    LiftedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentBlocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentBlocks_Grantors_GrantorId",
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
                    ChangedAt = table.Column<string>(type: "TEXT", nullable: false),
                    AwaitingConfirmation = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ConfirmedAt = table.Column<string>(type: "TEXT", nullable: true),
                    ChangedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
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
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<string>(type: "TEXT", nullable: true),
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
                name: "Payments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PaymentRunId = table.Column<long>(type: "INTEGER", nullable: false),
                    GrantorId = table.Column<int>(type: "INTEGER", nullable: false),
                    CareProviderId = table.Column<long>(type: "INTEGER", nullable: false),
                    EndToEndId = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    CreditorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreditorIban = table.Column<string>(type: "TEXT", maxLength: 34, nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReturnedAt = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Payments", x => x.Id);
                    table.CheckConstraint("ck_payments_amount_positive", "\"AmountCents\" > 0");
                    table.ForeignKey(
                        name: "FK_Payments_CareProviders_CareProviderId",
                        column: x => x.CareProviderId,
                        principalTable: "CareProviders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Payments_Grantors_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Grantors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Payments_PaymentRuns_PaymentRunId",
                        column: x => x.PaymentRunId,
                        principalTable: "PaymentRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
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
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
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
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
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
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
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
                name: "PortalSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Ticket = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ExpiresAt = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PortalSessions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UserGrantors",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    GrantorId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    FetchedAt = table.Column<string>(type: "TEXT", nullable: true),
                    RetourReceivedAt = table.Column<string>(type: "TEXT", nullable: true),
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
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
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
                name: "GrantAccess",
                columns: table => new
                {
                    GrantId = table.Column<long>(type: "INTEGER", nullable: false),
                    Bsn = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 9, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReceivedAt = table.Column<string>(type: "TEXT", nullable: false),
                    SizeBytes = table.Column<int>(type: "INTEGER", nullable: false),
                    RawContent = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sender = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    GrantorId = table.Column<int>(type: "INTEGER", nullable: true),
                    MessageCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Identification = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DateSent = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StandardVersion = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    BudgetKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IsOriginal = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReturnCodes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Response = table.Column<byte[]>(type: "BLOB", nullable: true),
                    GrantId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReplayOfId = table.Column<long>(type: "INTEGER", nullable: true)
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
                    SignedByHolderAt = table.Column<string>(type: "TEXT", nullable: true),
                    SignedByHolderName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SignedByProviderAt = table.Column<string>(type: "TEXT", nullable: true),
                    SignedByProviderName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SubmittedAt = table.Column<string>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DecisionReasonCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    DecisionText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AssessedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AssessedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AssessedAt = table.Column<string>(type: "TEXT", nullable: true),
                    ConfirmedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ConfirmedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<string>(type: "TEXT", nullable: true),
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
                name: "GrantVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GrantId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    BudgetKey = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Law = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    GrantDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IntakeMessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<string>(type: "TEXT", nullable: false),
                    ContactStreet = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContactHouseNumber = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ContactHouseNumberAddition = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ContactPostalCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ContactCity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContactCountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true)
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
                name: "Claims",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CareAgreementId = table.Column<long>(type: "INTEGER", nullable: false),
                    CareAgreementVersionId = table.Column<long>(type: "INTEGER", nullable: false),
                    GrantId = table.Column<long>(type: "INTEGER", nullable: false),
                    GrantorId = table.Column<int>(type: "INTEGER", nullable: false),
                    BudgetHolderId = table.Column<long>(type: "INTEGER", nullable: false),
                    CareProviderId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CareFunctionCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    BudgetCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Units = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    TariffCents = table.Column<long>(type: "INTEGER", nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                    InvoiceNumber = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    InvoiceDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubmittedAt = table.Column<string>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DecidedAt = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    HoldReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReleasedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExternalKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    BudgetYear = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Claims", x => x.Id);
                    table.CheckConstraint("ck_claims_amount_positive", "\"AmountCents\" > 0");
                    table.CheckConstraint("ck_claims_period", "\"PeriodEnd\" >= \"PeriodStart\"");
                    table.ForeignKey(
                        name: "FK_Claims_BudgetHolders_BudgetHolderId",
                        column: x => x.BudgetHolderId,
                        principalTable: "BudgetHolders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Claims_CareAgreementVersions_CareAgreementVersionId",
                        column: x => x.CareAgreementVersionId,
                        principalTable: "CareAgreementVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Claims_CareAgreements_CareAgreementId",
                        column: x => x.CareAgreementId,
                        principalTable: "CareAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Claims_CareProviders_CareProviderId",
                        column: x => x.CareProviderId,
                        principalTable: "CareProviders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Claims_Grantors_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Grantors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Claims_Grants_GrantId",
                        column: x => x.GrantId,
                        principalTable: "Grants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    PrintedAt = table.Column<string>(type: "TEXT", nullable: true),
                    PrintedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContentJson = table.Column<string>(type: "TEXT", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "CareFunctionBudgets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GrantVersionId = table.Column<long>(type: "INTEGER", nullable: false),
                    CareFunctionCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                    UnaccountableCents = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GrantVersionId = table.Column<long>(type: "INTEGER", nullable: false),
                    RoleCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Bsn = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 9, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Rights = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReceivesCorrespondence = table.Column<bool>(type: "INTEGER", nullable: false),
                    Initials = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    NamePrefix = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Surname = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "JournalEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BookedAt = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimId = table.Column<long>(type: "INTEGER", nullable: true),
                    PaymentId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReversesEntryId = table.Column<long>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JournalEntries_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JournalEntries_JournalEntries_ReversesEntryId",
                        column: x => x.ReversesEntryId,
                        principalTable: "JournalEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JournalEntries_Payments_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "Payments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaymentItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PaymentId = table.Column<long>(type: "INTEGER", nullable: false),
                    PaymentRunId = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimId = table.Column<long>(type: "INTEGER", nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                    ReturnedAt = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentItems", x => x.Id);
                    table.CheckConstraint("ck_payment_items_amount_positive", "\"AmountCents\" > 0");
                    table.ForeignKey(
                        name: "FK_PaymentItems_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaymentItems_PaymentRuns_PaymentRunId",
                        column: x => x.PaymentRunId,
                        principalTable: "PaymentRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaymentItems_Payments_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "Payments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerTransfers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JournalEntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    DebitAccountId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreditAccountId = table.Column<long>(type: "INTEGER", nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerTransfers", x => x.Id);
                    table.CheckConstraint("ck_transfers_amount_positive", "\"AmountCents\" > 0");
                    table.CheckConstraint("ck_transfers_two_accounts", "\"DebitAccountId\" <> \"CreditAccountId\"");
                    table.ForeignKey(
                        name: "FK_LedgerTransfers_JournalEntries_JournalEntryId",
                        column: x => x.JournalEntryId,
                        principalTable: "JournalEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LedgerTransfers_LedgerAccounts_CreditAccountId",
                        column: x => x.CreditAccountId,
                        principalTable: "LedgerAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LedgerTransfers_LedgerAccounts_DebitAccountId",
                        column: x => x.DebitAccountId,
                        principalTable: "LedgerAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "ix_access_log_budget_holder",
                table: "AccessLog",
                columns: new[] { "BudgetHolderId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "ux_access_log_sequence",
                table: "AccessLog",
                column: "Sequence",
                unique: true);

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
                name: "IX_AspNetUsers_CareProviderId",
                table: "AspNetUsers",
                column: "CareProviderId");

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
                name: "ix_bank_feedback_sha256",
                table: "BankFeedbackImports",
                column: "Sha256");

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

            migrationBuilder.CreateIndex(
                name: "ux_budget_holders_bsn",
                table: "BudgetHolders",
                column: "Bsn",
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
                name: "IX_CareFunctionBudgets_CareFunctionCode",
                table: "CareFunctionBudgets",
                column: "CareFunctionCode");

            migrationBuilder.CreateIndex(
                name: "IX_CareFunctionBudgets_GrantVersionId",
                table: "CareFunctionBudgets",
                column: "GrantVersionId");

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
                name: "ix_claims_agreement",
                table: "Claims",
                columns: new[] { "CareAgreementId", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Claims_CareAgreementVersionId",
                table: "Claims",
                column: "CareAgreementVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_GrantId",
                table: "Claims",
                column: "GrantId");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_GrantorId",
                table: "Claims",
                column: "GrantorId");

            migrationBuilder.CreateIndex(
                name: "ix_claims_holder",
                table: "Claims",
                columns: new[] { "BudgetHolderId", "Status" });

            migrationBuilder.CreateIndex(
                name: "ix_claims_provider",
                table: "Claims",
                columns: new[] { "CareProviderId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "ix_claims_status",
                table: "Claims",
                columns: new[] { "Status", "GrantorId" });

            migrationBuilder.CreateIndex(
                name: "ux_claims_external_key",
                table: "Claims",
                columns: new[] { "CareProviderId", "ExternalKey" },
                unique: true,
                filter: "\"ExternalKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_claims_invoice",
                table: "Claims",
                columns: new[] { "CareProviderId", "InvoiceNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_claim_uploads_status",
                table: "ClaimUploads",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "ux_claim_uploads_file",
                table: "ClaimUploads",
                columns: new[] { "CareProviderId", "Sha256" },
                unique: true);

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
                filter: "\"IsOriginal\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_JournalEntries_ReversesEntryId",
                table: "JournalEntries",
                column: "ReversesEntryId");

            migrationBuilder.CreateIndex(
                name: "ux_journal_claim_kind",
                table: "JournalEntries",
                columns: new[] { "ClaimId", "Kind" },
                unique: true,
                filter: "\"ClaimId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_journal_payment_kind",
                table: "JournalEntries",
                columns: new[] { "PaymentId", "Kind" },
                unique: true,
                filter: "\"PaymentId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_accounts_grant",
                table: "LedgerAccounts",
                columns: new[] { "GrantId", "CareFunctionCode", "Year", "Kind" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_accounts_grantor_provider",
                table: "LedgerAccounts",
                columns: new[] { "GrantorId", "CareProviderId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "ux_ledger_accounts_key",
                table: "LedgerAccounts",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerTransfers_JournalEntryId",
                table: "LedgerTransfers",
                column: "JournalEntryId");

            migrationBuilder.CreateIndex(
                name: "ix_transfers_credit",
                table: "LedgerTransfers",
                column: "CreditAccountId");

            migrationBuilder.CreateIndex(
                name: "ix_transfers_debit",
                table: "LedgerTransfers",
                column: "DebitAccountId");

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
                name: "ix_login_attempts_first_failure",
                table: "LoginAttempts",
                column: "FirstFailureAt");

            migrationBuilder.CreateIndex(
                name: "ux_maximum_tariffs_from",
                table: "MaximumTariffs",
                columns: new[] { "GrantorId", "CareFunctionCode", "TariffUnit", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payment_blocks_grantor",
                table: "PaymentBlocks",
                columns: new[] { "GrantorId", "LiftedAt" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_blocks_subject",
                table: "PaymentBlocks",
                columns: new[] { "Subject", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_items_payment",
                table: "PaymentItems",
                column: "PaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentItems_PaymentRunId",
                table: "PaymentItems",
                column: "PaymentRunId");

            migrationBuilder.CreateIndex(
                name: "ux_payment_items_claim_unpaid_once",
                table: "PaymentItems",
                column: "ClaimId",
                unique: true,
                filter: "\"ReturnedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_payment_run_requests_status",
                table: "PaymentRunRequests",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "ix_payment_runs_date",
                table: "PaymentRuns",
                columns: new[] { "BusinessDate", "Kind" });

            migrationBuilder.CreateIndex(
                name: "ux_payment_runs_message_id",
                table: "PaymentRuns",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Payments_GrantorId",
                table: "Payments",
                column: "GrantorId");

            migrationBuilder.CreateIndex(
                name: "ix_payments_provider",
                table: "Payments",
                columns: new[] { "CareProviderId", "PaymentRunId" });

            migrationBuilder.CreateIndex(
                name: "ux_payments_end_to_end",
                table: "Payments",
                column: "EndToEndId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_payments_run_grantor_provider",
                table: "Payments",
                columns: new[] { "PaymentRunId", "GrantorId", "CareProviderId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_portal_sessions_expires",
                table: "PortalSessions",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "ix_portal_sessions_user",
                table: "PortalSessions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "ix_process_choices_kind",
                table: "ProcessChoices",
                columns: new[] { "GrantorId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_ProviderApiTokens_CareProviderId",
                table: "ProviderApiTokens",
                column: "CareProviderId");

            migrationBuilder.CreateIndex(
                name: "ux_provider_api_tokens_hash",
                table: "ProviderApiTokens",
                column: "SecretHash",
                unique: true);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessLog");

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
                name: "BankFeedbackImports");

            migrationBuilder.DropTable(
                name: "BudgetClosingMessages");

            migrationBuilder.DropTable(
                name: "CareFunctionBudgets");

            migrationBuilder.DropTable(
                name: "ClaimUploads");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "GrantAccess");

            migrationBuilder.DropTable(
                name: "LedgerTransfers");

            migrationBuilder.DropTable(
                name: "Letters");

            migrationBuilder.DropTable(
                name: "LoginAttempts");

            migrationBuilder.DropTable(
                name: "MaximumTariffs");

            migrationBuilder.DropTable(
                name: "PaymentBlocks");

            migrationBuilder.DropTable(
                name: "PaymentItems");

            migrationBuilder.DropTable(
                name: "PaymentRunRequests");

            migrationBuilder.DropTable(
                name: "PortalSessions");

            migrationBuilder.DropTable(
                name: "ProcessChoices");

            migrationBuilder.DropTable(
                name: "ProviderApiTokens");

            migrationBuilder.DropTable(
                name: "Representatives");

            migrationBuilder.DropTable(
                name: "UserGrantors");

            migrationBuilder.DropTable(
                name: "WorkTasks");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "CareFunctions");

            migrationBuilder.DropTable(
                name: "JournalEntries");

            migrationBuilder.DropTable(
                name: "LedgerAccounts");

            migrationBuilder.DropTable(
                name: "GrantVersions");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Claims");

            migrationBuilder.DropTable(
                name: "Payments");

            migrationBuilder.DropTable(
                name: "IntakeMessages");

            migrationBuilder.DropTable(
                name: "CareAgreementVersions");

            migrationBuilder.DropTable(
                name: "PaymentRuns");

            migrationBuilder.DropTable(
                name: "CareAgreements");

            migrationBuilder.DropTable(
                name: "CareProviders");

            migrationBuilder.DropTable(
                name: "Grants");

            migrationBuilder.DropTable(
                name: "BudgetHolders");

            migrationBuilder.DropTable(
                name: "Grantors");
        }
    }
}
