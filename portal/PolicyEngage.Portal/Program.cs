using PolicyEngage.Portal;
using PolicyEngage.Portal.Accounts;
using PolicyEngage.Portal.Gateway;
using PolicyEngage.Portal.Localization;
using PolicyEngage.Portal.Security;
using PolicyEngage.ServiceDefaults;
using PolicyEngage.ServiceDefaults.Health;
using PolicyEngage.ServiceDefaults.Telemetry;

var builder = ServiceDefaultsExtensions.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.AddTelemetry();
builder.AddDefaultHealthChecks();
builder.AddPortalCultures();
builder.AddPortalSignIn();
builder.AddGatewayClient();
builder.AddPortalPages();

var app = builder.Build();
app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment()) app.UseHsts();
app.UseExceptionHandler("/error");
app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
app.UsePortalSecurityHeaders();
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthEndpoints();
app.MapRazorPages();

await app.RunAsync();

public partial class Program;
