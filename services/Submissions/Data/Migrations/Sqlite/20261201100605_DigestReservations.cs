using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyEngage.Submissions.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DigestReservations",
                columns: table => new
                {
                    DigestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reserved = table.Column<bool>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
