using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyEngage.Reviews.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.InsertData(
                table: "ListCounters",
                columns: new[] { "Name", "Last" },
                values: new object[] { "review-cases", 0L });

            // Cases opened before lists paged take positions in the order they were listed in until then.
            migrationBuilder.Sql("""
                UPDATE ReviewCases SET ListPosition = ordered.Position
                FROM (SELECT Id, ROW_NUMBER() OVER (ORDER BY OpenedAt, Id) AS Position FROM ReviewCases) AS ordered
                WHERE ordered.Id = ReviewCases.Id;
                """);
            migrationBuilder.Sql("UPDATE ListCounters SET Last = (SELECT COUNT(*) FROM ReviewCases) WHERE Name = 'review-cases';");

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
