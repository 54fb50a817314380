using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyEngage.Reviews.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OneRowPerReviewedPaper : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The withdrawals heard of so far carry over: one row per paper, at its latest withdrawn version.
            migrationBuilder.CreateTable(
                name: "ReviewedPapers",
                columns: table => new
                {
                    PaperId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WithdrawnVersion = table.Column<int>(type: "int", nullable: true),
                    WithdrawnAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Revision = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewedPapers", x => x.PaperId);
                });

            migrationBuilder.Sql(
                "INSERT INTO ReviewedPapers (PaperId, WithdrawnVersion, WithdrawnAt, Revision) " +
                "SELECT PaperId, MAX(Version), MIN(WithdrawnAt), 1 FROM PaperWithdrawals GROUP BY PaperId;");

            migrationBuilder.DropTable(
                name: "PaperWithdrawals");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PaperWithdrawals",
                columns: table => new
                {
                    PaperId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperWithdrawals", x => new { x.PaperId, x.Version });
                });

            migrationBuilder.Sql(
                "INSERT INTO PaperWithdrawals (PaperId, Version, WithdrawnAt) " +
                "SELECT PaperId, WithdrawnVersion, WithdrawnAt FROM ReviewedPapers WHERE WithdrawnVersion IS NOT NULL;");

            migrationBuilder.DropTable(
                name: "ReviewedPapers");
        }
    }
}
