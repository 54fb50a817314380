using PolicyEngage.Gateway.ApiReference;
using PolicyEngage.Gateway.DevTokens;
using PolicyEngage.Gateway.Portal;
using PolicyEngage.Gateway.RateLimiting;
using PolicyEngage.Gateway.Resilience;
using PolicyEngage.Gateway.Security;
using PolicyEngage.ServiceDefaults;
using PolicyEngage.ServiceDefaults.Health;

var builder = ServiceDefaultsExtensions.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDevTokenSigning();
builder.AddRequestBodyCap();
builder.AddClosedCors();
builder.AddPerCallerRateLimiting();
builder.AddProxyResilience();
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy")).AddRouteAttemptTimeouts();

var app = builder.Build();
if (!app.Environment.IsDevelopment()) app.UseHsts();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();
app.UseRequestBodyCap();
app.UseClosedCors();
app.UsePortalBoundary();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapHealthEndpoints();
app.MapApiReferencePage();
// Locally signed tokens only where the development key pair is what the services trust: only in Development.
if (app.Environment.IsDevelopment() && app.Services.GetService<DevTokenSigner>() is not null)
    app.MapDevTokenApi();
app.MapReverseProxy(proxy =>
{
    proxy.UseServiceUnavailableProblems();
    // YARP's default proxy steps, which a custom pipeline must name.
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});

await app.RunAsync();

public partial class Program;
