using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyEngage.Audit.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LedgerActorIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
