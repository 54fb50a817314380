using Microsoft.EntityFrameworkCore.Migrations;
using PolicyEngage.ServiceDefaults.Lists;

#nullable disable

namespace PolicyEngage.Submissions.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PaperListPositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Papers_ConsultationId_Organisation",
                table: "Papers");

            migrationBuilder.AddColumn<long>(
                name: "ListPosition",
                table: "Papers",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.InsertData(
                table: "ListCounters",
                columns: new[] { "Name", "Last" },
                values: new object[] { "papers", 0L });

            migrationBuilder.NumberListRows("Papers", "papers", "CreatedAt, Id");

            migrationBuilder.CreateIndex(
                name: "IX_Papers_ConsultationId_ListPosition",
                table: "Papers",
                columns: new[] { "ConsultationId", "ListPosition" });

            migrationBuilder.CreateIndex(
                name: "IX_Papers_ListPosition",
                table: "Papers",
                column: "ListPosition",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Papers_Organisation_ListPosition",
                table: "Papers",
                columns: new[] { "Organisation", "ListPosition" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Papers_ConsultationId_ListPosition",
                table: "Papers");

            migrationBuilder.DropIndex(
                name: "IX_Papers_ListPosition",
                table: "Papers");

            migrationBuilder.DropIndex(
                name: "IX_Papers_Organisation_ListPosition",
                table: "Papers");

            migrationBuilder.DeleteData(
                table: "ListCounters",
                keyColumn: "Name",
                keyValue: "papers");

            migrationBuilder.DropColumn(
                name: "ListPosition",
                table: "Papers");

            migrationBuilder.CreateIndex(
                name: "IX_Papers_ConsultationId_Organisation",
                table: "Papers",
                columns: new[] { "ConsultationId", "Organisation" });
        }
    }
}
