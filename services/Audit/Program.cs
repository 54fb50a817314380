using PolicyEngage.Audit.Checkpoints;
using PolicyEngage.Audit.Data;
using PolicyEngage.Audit.Export;
using PolicyEngage.Audit.Ledger;
using PolicyEngage.Audit.Proofs;
using PolicyEngage.ServiceDefaults;
using PolicyEngage.ServiceDefaults.Messaging;
using PolicyEngage.ServiceDefaults.Persistence;

var builder = ServiceDefaultsExtensions.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<AuditDbContext, SqliteAuditDbContext>("audit");
builder.AddServiceMessaging<AuditDbContext>(bus => bus.AddLedgerConsumers());
builder.AddLedgerCheckpoints();

var app = builder.Build();
app.UseServiceDefaults();
app.MapLedgerApi();
app.MapCheckpointsApi();
app.MapProofsApi();
app.MapExportApi();

await app.MigrateDatabaseAsync<AuditDbContext>();
await app.RunAsync();

public partial class Program;
