using MassTransit;
using PolicyEngage.ServiceDefaults;
using PolicyEngage.ServiceDefaults.Mail;
using PolicyEngage.ServiceDefaults.Messaging;
using PolicyEngage.ServiceDefaults.Persistence;
using PolicyEngage.Submissions.Data;
using PolicyEngage.Submissions.Papers;

var builder = ServiceDefaultsExtensions.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<SubmissionsDbContext, SqliteSubmissionsDbContext>("submissions");
builder.AddServiceMessaging<SubmissionsDbContext>(bus => bus.AddConsumers(typeof(Program).Assembly));
builder.AddMailOutbox<SubmissionsDbContext>();

var app = builder.Build();
app.UseServiceDefaults();
app.MapPapersApi();

await app.MigrateDatabaseAsync<SubmissionsDbContext>();
await app.RunAsync();

public partial class Program;
