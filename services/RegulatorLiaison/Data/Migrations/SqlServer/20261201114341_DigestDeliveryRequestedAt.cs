using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyEngage.RegulatorLiaison.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DigestDeliveryRequestedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DeliveryRequestedAt",
                table: "Digests",
                type: "datetime2",
                nullable: true);

            // A digest already Delivering has waited at least since it was compiled: the alert then sees it too. In EXEC:
            // an idempotent script is one batch, compiled before the column above exists.
            migrationBuilder.Sql("EXEC(N'UPDATE Digests SET DeliveryRequestedAt = CompiledAt WHERE Status = ''Delivering''')");

            migrationBuilder.CreateIndex(
                name: "IX_Digests_Status_DeliveryRequestedAt",
                table: "Digests",
                columns: new[] { "Status", "DeliveryRequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Digests_Status_DeliveryRequestedAt",
                table: "Digests");

            migrationBuilder.DropColumn(
                name: "DeliveryRequestedAt",
                table: "Digests");
        }
    }
}
