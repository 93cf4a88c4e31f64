using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenPgb.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LetterContent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContentJson",
                table: "Letters",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ContentJson",
                table: "Letters");
        }
    }
}
