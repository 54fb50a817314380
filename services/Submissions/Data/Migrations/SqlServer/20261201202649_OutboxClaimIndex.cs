using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyEngage.Submissions.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OutboxClaimIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_SentAt_Id",
                table: "OutboxMessages");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SentAt_ParkedAt_Id",
                table: "OutboxMessages",
                columns: new[] { "SentAt", "ParkedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_SentAt_ParkedAt_Id",
                table: "OutboxMessages");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SentAt_Id",
                table: "OutboxMessages",
                columns: new[] { "SentAt", "Id" });
        }
    }
}
