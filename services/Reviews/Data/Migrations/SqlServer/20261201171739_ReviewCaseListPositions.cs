using Microsoft.EntityFrameworkCore.Migrations;
using PolicyEngage.ServiceDefaults.Lists;

#nullable disable

namespace PolicyEngage.Reviews.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReviewCaseListPositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReviewCases_Status_OpenedAt",
                table: "ReviewCases");

            migrationBuilder.AddColumn<long>(
                name: "ListPosition",
                table: "ReviewCases",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.InsertData(
                table: "ListCounters",
                columns: new[] { "Name", "Last" },
                values: new object[] { "review-cases", 0L });

            migrationBuilder.NumberListRows("ReviewCases", "review-cases", "OpenedAt, Id");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_ConsultationId_ListPosition",
                table: "ReviewCases",
                columns: new[] { "ConsultationId", "ListPosition" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_ListPosition",
                table: "ReviewCases",
                column: "ListPosition",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_Status_ListPosition",
                table: "ReviewCases",
                columns: new[] { "Status", "ListPosition" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReviewCases_ConsultationId_ListPosition",
                table: "ReviewCases");

            migrationBuilder.DropIndex(
                name: "IX_ReviewCases_ListPosition",
                table: "ReviewCases");

            migrationBuilder.DropIndex(
                name: "IX_ReviewCases_Status_ListPosition",
                table: "ReviewCases");

            migrationBuilder.DeleteData(
                table: "ListCounters",
                keyColumn: "Name",
                keyValue: "review-cases");

            migrationBuilder.DropColumn(
                name: "ListPosition",
                table: "ReviewCases");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_Status_OpenedAt",
                table: "ReviewCases",
                columns: new[] { "Status", "OpenedAt" });
        }
    }
}
