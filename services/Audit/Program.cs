using PolicyEngage.Audit.Data;
using PolicyEngage.Audit.Ledger;
using PolicyEngage.ServiceDefaults;
using PolicyEngage.ServiceDefaults.Messaging;
using PolicyEngage.ServiceDefaults.Persistence;

var builder = ServiceDefaultsExtensions.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<AuditDbContext, SqliteAuditDbContext>("audit");
builder.AddServiceMessaging<AuditDbContext>(bus => bus.AddLedgerConsumers());

var app = builder.Build();
app.UseServiceDefaults();
app.MapLedgerApi();

await app.MigrateDatabaseAsync<AuditDbContext>();
await app.RunAsync();

public partial class Program;
