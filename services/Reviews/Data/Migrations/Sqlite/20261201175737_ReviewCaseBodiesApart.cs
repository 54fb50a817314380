using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyEngage.Reviews.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewCaseBodiesApart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReviewCaseBodies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewCaseBodies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewCaseBodies_ReviewCases_Id",
                        column: x => x.Id,
                        principalTable: "ReviewCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every case's body moves with it, before the column goes.
            migrationBuilder.Sql("INSERT INTO ReviewCaseBodies (Id, Body) SELECT Id, Body FROM ReviewCases;");

            migrationBuilder.DropColumn(
                name: "Body",
                table: "ReviewCases");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Body",
                table: "ReviewCases",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("UPDATE ReviewCases SET Body = (SELECT b.Body FROM ReviewCaseBodies AS b WHERE b.Id = ReviewCases.Id);");

            migrationBuilder.DropTable(
                name: "ReviewCaseBodies");
        }
    }
}
