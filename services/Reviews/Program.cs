using MassTransit;
using PolicyEngage.Reviews.Data;
using PolicyEngage.Reviews.ReviewCases;
using PolicyEngage.ServiceDefaults;
using PolicyEngage.ServiceDefaults.Messaging;
using PolicyEngage.ServiceDefaults.Persistence;

var builder = ServiceDefaultsExtensions.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<ReviewsDbContext, SqliteReviewsDbContext>("reviews");
builder.AddServiceMessaging<ReviewsDbContext>(bus => bus.AddConsumers(typeof(Program).Assembly));

var app = builder.Build();
app.UseServiceDefaults();
app.MapReviewCasesApi();

await app.MigrateDatabaseAsync<ReviewsDbContext>();
await app.RunAsync();

public partial class Program;
