using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyEngage.Submissions.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DigestReservations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ReservedByDigestId",
                table: "Papers",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DigestReservations",
                columns: table => new
                {
                    DigestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Reserved = table.Column<bool>(type: "bit", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DigestReservations", x => x.DigestId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DigestReservations");

            migrationBuilder.DropColumn(
                name: "ReservedByDigestId",
                table: "Papers");
        }
    }
}
