using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyEngage.Submissions.Data.Migrations.SqlServer
{
    /// <summary>
    /// Moves the working and submitted bodies out of Papers and PaperVersion into PaperBodies and PaperVersionBodies, so
    /// that a list reading those rows never walks a long body's overflow pages; copies them there first, and back on Down.
    /// </summary>
    public partial class PaperBodiesApart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PaperBodies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperBodies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperBodies_Papers_Id",
                        column: x => x.Id,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaperVersionBodies",
                columns: table => new
                {
                    PaperId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperVersionBodies", x => new { x.PaperId, x.Number });
                    table.ForeignKey(
                        name: "FK_PaperVersionBodies_PaperBodies_PaperId",
                        column: x => x.PaperId,
                        principalTable: "PaperBodies",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_PaperVersionBodies_PaperVersion_PaperId_Number",
                        columns: x => new { x.PaperId, x.Number },
                        principalTable: "PaperVersion",
                        principalColumns: new[] { "PaperId", "Number" },
                        onDelete: ReferentialAction.Cascade);
                });

            // Every body moves before its column goes. Each in its own EXEC: an idempotent script compiles every statement
            // even where it will not run, and once this migration has run Papers and PaperVersion have no Body to name.
            migrationBuilder.Sql("EXEC(N'INSERT INTO PaperBodies (Id, Body) SELECT Id, Body FROM Papers;')");
            migrationBuilder.Sql("EXEC(N'INSERT INTO PaperVersionBodies (PaperId, Number, Body) SELECT PaperId, Number, Body FROM PaperVersion;')");

            migrationBuilder.DropForeignKey(
                name: "FK_PaperReview_Papers_PaperId",
                table: "PaperReview");

            migrationBuilder.DropForeignKey(
                name: "FK_PaperVersion_Papers_PaperId",
                table: "PaperVersion");

            migrationBuilder.DropColumn(
                name: "Body",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "Body",
                table: "PaperVersion");

            migrationBuilder.AddForeignKey(
                name: "FK_PaperReview_PaperBodies_PaperId",
                table: "PaperReview",
                column: "PaperId",
                principalTable: "PaperBodies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_PaperVersion_PaperBodies_PaperId",
                table: "PaperVersion",
                column: "PaperId",
                principalTable: "PaperBodies",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Body",
                table: "Papers",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Body",
                table: "PaperVersion",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            // Every body goes back before its table goes, each in its own EXEC: the Body columns are added by this migration.
            migrationBuilder.Sql("EXEC(N'UPDATE p SET Body = b.Body FROM Papers AS p JOIN PaperBodies AS b ON b.Id = p.Id;')");
            migrationBuilder.Sql("EXEC(N'UPDATE v SET Body = b.Body FROM PaperVersion AS v JOIN PaperVersionBodies AS b ON b.PaperId = v.PaperId AND b.Number = v.Number;')");

            migrationBuilder.DropForeignKey(
                name: "FK_PaperReview_PaperBodies_PaperId",
                table: "PaperReview");

            migrationBuilder.DropForeignKey(
                name: "FK_PaperVersion_PaperBodies_PaperId",
                table: "PaperVersion");

            migrationBuilder.DropTable(
                name: "PaperVersionBodies");

            migrationBuilder.DropTable(
                name: "PaperBodies");

            migrationBuilder.AddForeignKey(
                name: "FK_PaperReview_Papers_PaperId",
                table: "PaperReview",
                column: "PaperId",
                principalTable: "Papers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_PaperVersion_Papers_PaperId",
                table: "PaperVersion",
                column: "PaperId",
                principalTable: "Papers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
