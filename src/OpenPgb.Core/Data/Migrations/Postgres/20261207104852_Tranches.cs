using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenPgb.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Tranches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConversionSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GrantorId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Differences = table.Column<int>(type: "integer", nullable: false),
                    BlockingFindings = table.Column<int>(type: "integer", nullable: false),
                    Warnings = table.Column<int>(type: "integer", nullable: false),
                    BudgetHolders = table.Column<int>(type: "integer", nullable: false),
                    Claims = table.Column<int>(type: "integer", nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Workbook = table.Column<byte[]>(type: "bytea", nullable: false),
                    Files = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversionSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConversionSteps_Grantors_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Grantors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Tranches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FreezeDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tranches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrancheGrantors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrancheId = table.Column<int>(type: "integer", nullable: false),
                    GrantorId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StateChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PostponedToTrancheId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrancheGrantors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrancheGrantors_Grantors_GrantorId",
                        column: x => x.GrantorId,
                        principalTable: "Grantors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrancheGrantors_Tranches_PostponedToTrancheId",
                        column: x => x.PostponedToTrancheId,
                        principalTable: "Tranches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrancheGrantors_Tranches_TrancheId",
                        column: x => x.TrancheId,
                        principalTable: "Tranches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_conversion_steps_grantor",
                table: "ConversionSteps",
                columns: new[] { "GrantorId", "Kind", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TrancheGrantors_PostponedToTrancheId",
                table: "TrancheGrantors",
                column: "PostponedToTrancheId");

            migrationBuilder.CreateIndex(
                name: "ux_tranche_grantors_active",
                table: "TrancheGrantors",
                column: "GrantorId",
                unique: true,
                filter: "\"State\" <> 'Postponed'");

            migrationBuilder.CreateIndex(
                name: "ux_tranche_grantors_tranche",
                table: "TrancheGrantors",
                columns: new[] { "TrancheId", "GrantorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_tranches_name",
                table: "Tranches",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConversionSteps");

            migrationBuilder.DropTable(
                name: "TrancheGrantors");

            migrationBuilder.DropTable(
                name: "Tranches");
        }
    }
}
