using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyEngage.Audit.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class LedgerActorIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Actor",
                table: "LedgerEntries",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_Actor_Sequence",
                table: "LedgerEntries",
                columns: new[] { "Actor", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LedgerEntries_Actor_Sequence",
                table: "LedgerEntries");

            migrationBuilder.AlterColumn<string>(
                name: "Actor",
                table: "LedgerEntries",
                type: "nvarchar(max)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200);
        }
    }
}
