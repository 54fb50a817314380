using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyEngage.RegulatorLiaison.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeliveryReservation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DeliveryRequestedBy",
                table: "Digests",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DeliveryRequestedEventId",
                table: "Digests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RefusedPapers",
                table: "Digests",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeliveryRequestedBy",
                table: "Digests");

            migrationBuilder.DropColumn(
                name: "DeliveryRequestedEventId",
                table: "Digests");

            migrationBuilder.DropColumn(
                name: "RefusedPapers",
                table: "Digests");
        }
    }
}
