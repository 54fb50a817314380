using MassTransit;
using PolicyEngage.RegulatorLiaison.Consultations;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.RegulatorLiaison.Digests;
using PolicyEngage.RegulatorLiaison.Digests.Groups;
using PolicyEngage.RegulatorLiaison.Positions;
using PolicyEngage.RegulatorLiaison.Regulators;
using PolicyEngage.RegulatorLiaison.Webhooks.Endpoints;
using PolicyEngage.RegulatorLiaison.Webhooks.Pushes;
using PolicyEngage.ServiceDefaults;
using PolicyEngage.ServiceDefaults.Mail;
using PolicyEngage.ServiceDefaults.Messaging;
using PolicyEngage.ServiceDefaults.Persistence;

var builder = ServiceDefaultsExtensions.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<RegulatorLiaisonDbContext, SqliteRegulatorLiaisonDbContext>("regulatorliaison");
builder.AddServiceMessaging<RegulatorLiaisonDbContext>(bus => bus.AddConsumers(typeof(Program).Assembly));
builder.Services.Configure<ConsultationDeadlineOptions>(builder.Configuration.GetSection(ConsultationDeadlineOptions.Section));
builder.Services.AddHostedService<ConsultationDeadlineCloser>();
builder.AddDigestDeliveryAlerts();
builder.Services.AddSingleton<DigestMetrics>();
builder.AddDigestGrouping();
builder.AddDigestPushes();
builder.AddMailOutbox<RegulatorLiaisonDbContext>();

var app = builder.Build();
app.UseServiceDefaults();
app.MapRegulatorsApi();
app.MapConsultationsApi();
app.MapPositionsApi();
app.MapDigestsApi();
app.MapWebhooksApi();
app.MapDigestPushesApi();

await app.MigrateDatabaseAsync<RegulatorLiaisonDbContext>();
await app.RunAsync();

public partial class Program;
