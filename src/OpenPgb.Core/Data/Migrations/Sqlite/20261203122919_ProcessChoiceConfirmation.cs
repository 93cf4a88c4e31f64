using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenPgb.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProcessChoiceConfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AwaitingConfirmation",
                table: "ProcessChoices",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ChangedByUserId",
                table: "ProcessChoices",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedAt",
                table: "ProcessChoices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedBy",
                table: "ProcessChoices",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AwaitingConfirmation",
                table: "ProcessChoices");

            migrationBuilder.DropColumn(
                name: "ChangedByUserId",
                table: "ProcessChoices");

            migrationBuilder.DropColumn(
                name: "ConfirmedAt",
                table: "ProcessChoices");

            migrationBuilder.DropColumn(
                name: "ConfirmedBy",
                table: "ProcessChoices");
        }
    }
}
