using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenPgb.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClaimUploadsProviderTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClaimUploads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CareProviderId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Accepted = table.Column<int>(type: "INTEGER", nullable: false)
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
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
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

            migrationBuilder.CreateIndex(
                name: "ux_claim_uploads_file",
                table: "ClaimUploads",
                columns: new[] { "CareProviderId", "Sha256" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProviderApiTokens_CareProviderId",
                table: "ProviderApiTokens",
                column: "CareProviderId");

            migrationBuilder.CreateIndex(
                name: "ux_provider_api_tokens_hash",
                table: "ProviderApiTokens",
                column: "SecretHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClaimUploads");

            migrationBuilder.DropTable(
                name: "ProviderApiTokens");
        }
    }
}
