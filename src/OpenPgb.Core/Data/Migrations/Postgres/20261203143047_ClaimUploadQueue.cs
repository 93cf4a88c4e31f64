using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenPgb.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClaimUploadQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Content",
                table: "ClaimUploads",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Failure",
                table: "ClaimUploads",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FinishedAt",
                table: "ClaimUploads",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResultJson",
                table: "ClaimUploads",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "ClaimUploads",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Done");

            migrationBuilder.AddColumn<int>(
                name: "TotalRows",
                table: "ClaimUploads",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "UploadedByUserId",
                table: "ClaimUploads",
                type: "character varying(450)",
                maxLength: 450,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ix_claim_uploads_status",
                table: "ClaimUploads",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_claim_uploads_status",
                table: "ClaimUploads");

            migrationBuilder.DropColumn(
                name: "Content",
                table: "ClaimUploads");

            migrationBuilder.DropColumn(
                name: "Failure",
                table: "ClaimUploads");

            migrationBuilder.DropColumn(
                name: "FinishedAt",
                table: "ClaimUploads");

            migrationBuilder.DropColumn(
                name: "ResultJson",
                table: "ClaimUploads");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "ClaimUploads");

            migrationBuilder.DropColumn(
                name: "TotalRows",
                table: "ClaimUploads");

            migrationBuilder.DropColumn(
                name: "UploadedByUserId",
                table: "ClaimUploads");
        }
    }
}
