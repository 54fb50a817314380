using Microsoft.EntityFrameworkCore.Migrations;
using PolicyEngage.ServiceDefaults.Lists;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace PolicyEngage.RegulatorLiaison.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ListPositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ListPosition",
                table: "Regulators",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ListPosition",
                table: "Digests",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ListPosition",
                table: "Consultations",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.InsertData(
                table: "ListCounters",
                columns: new[] { "Name", "Last" },
                values: new object[,]
                {
                    { "consultations", 0L },
                    { "digests", 0L },
                    { "regulators", 0L }
                });

            // Rows registered, opened or compiled before lists had positions keep their order of creation, and each
            // list's counter goes on from the last of them; before the unique indexes, while every position is 0. In EXEC:
            // the idempotent script is one batch, compiled before ListPosition exists.
            migrationBuilder.NumberListRows("Regulators", "regulators", "RegisteredAt, Id");
            migrationBuilder.NumberListRows("Consultations", "consultations", "OpenedAt, Id");
            migrationBuilder.NumberListRows("Digests", "digests", "CompiledAt, Id");

            migrationBuilder.CreateIndex(
                name: "IX_Regulators_ListPosition",
                table: "Regulators",
                column: "ListPosition",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Digests_ListPosition",
                table: "Digests",
                column: "ListPosition",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Digests_RegulatorId_ListPosition",
                table: "Digests",
                columns: new[] { "RegulatorId", "ListPosition" });

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_ListPosition",
                table: "Consultations",
                column: "ListPosition",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Regulators_ListPosition",
                table: "Regulators");

            migrationBuilder.DropIndex(
                name: "IX_Digests_ListPosition",
                table: "Digests");

            migrationBuilder.DropIndex(
                name: "IX_Digests_RegulatorId_ListPosition",
                table: "Digests");

            migrationBuilder.DropIndex(
                name: "IX_Consultations_ListPosition",
                table: "Consultations");

            migrationBuilder.DeleteData(
                table: "ListCounters",
                keyColumn: "Name",
                keyValue: "consultations");

            migrationBuilder.DeleteData(
                table: "ListCounters",
                keyColumn: "Name",
                keyValue: "digests");

            migrationBuilder.DeleteData(
                table: "ListCounters",
                keyColumn: "Name",
                keyValue: "regulators");

            migrationBuilder.DropColumn(
                name: "ListPosition",
                table: "Regulators");

            migrationBuilder.DropColumn(
                name: "ListPosition",
                table: "Digests");

            migrationBuilder.DropColumn(
                name: "ListPosition",
                table: "Consultations");
        }
    }
}
