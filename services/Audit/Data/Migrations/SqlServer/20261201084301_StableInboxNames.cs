using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyEngage.Audit.Data.Migrations.SqlServer
{
    /// <summary>
    /// Inbox rows were keyed by the consumer's CLR type name; each consumer now declares a stable name. Carrying the
    /// rows over keeps a redelivery of a message applied before the upgrade from being applied again.
    /// </summary>
    public partial class StableInboxNames : Migration
    {
        private static readonly (string ClrName, string StableName)[] Consumers =
        [
            ("LedgerConsumer`1", "ledger"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (clrName, stableName) in Consumers)
                migrationBuilder.Sql($"UPDATE InboxMessages SET Consumer = '{stableName}' WHERE Consumer = '{clrName}';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (clrName, stableName) in Consumers)
                migrationBuilder.Sql($"UPDATE InboxMessages SET Consumer = '{clrName}' WHERE Consumer = '{stableName}';");
        }
    }
}
