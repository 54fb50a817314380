using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyEngage.RegulatorLiaison.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DigestPushScheduledByTrace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ScheduledByTrace",
                table: "DigestPushes",
                type: "TEXT",
                maxLength: 128,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ScheduledByTrace",
                table: "DigestPushes");
        }
    }
}
