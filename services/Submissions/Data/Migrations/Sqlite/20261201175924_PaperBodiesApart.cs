using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyEngage.Submissions.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false)
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
                    PaperId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false)
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

            // Every body moves before its column goes.
            migrationBuilder.Sql("INSERT INTO PaperBodies (Id, Body) SELECT Id, Body FROM Papers;");
            migrationBuilder.Sql("INSERT INTO PaperVersionBodies (PaperId, Number, Body) SELECT PaperId, Number, Body FROM PaperVersion;");

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
            // PaperReview and PaperVersion refer to PaperBodies until EF rebuilds them, at the end of this migration: dropping
            // PaperBodies before then would fail on the versions and cascade to the reviews. So foreign keys are off, as EF
            // turns them off for a rebuild, until the rebuild turns them on again.
            migrationBuilder.Sql("PRAGMA foreign_keys = 0;", suppressTransaction: true);

            migrationBuilder.AddColumn<string>(
                name: "Body",
                table: "Papers",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Body",
                table: "PaperVersion",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // Every body goes back before its table goes.
            migrationBuilder.Sql("UPDATE Papers SET Body = b.Body FROM PaperBodies AS b WHERE b.Id = Papers.Id;");
            migrationBuilder.Sql("UPDATE PaperVersion SET Body = b.Body FROM PaperVersionBodies AS b WHERE b.PaperId = PaperVersion.PaperId AND b.Number = PaperVersion.Number;");

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
