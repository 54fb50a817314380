using System.Net.Http.Headers;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
namespace PolicyEngage.Testing.Services;

/// <summary>
/// A service in-process on a benchmark's own database file (the benchmarks' counterpart of ServiceApp): Development, this
/// run's <see cref="TestSigningKey"/>, warnings only in the log. Its messages go to MassTransit's in-memory harness, or,
/// <paramref name="onBroker"/>, to the real broker its settings name (the outbox relay's figure needs the real one).
/// <typeparamref name="TEntryPoint"/> is any type of the service's assembly: its DbContext names it without the
/// <c>Program</c> every service declares.
/// </summary>
public sealed class InProcessService<TEntryPoint>(IReadOnlyDictionary<string, string> settings, bool onBroker = false)
    : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // What a fresh file and a start say every time (a migration outside a transaction, the bus not yet up for the
        // first readiness probe) would only bury the driver's own lines.
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Migrations", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks", "None");
        foreach (var (key, value) in TestSigningKey.VerifierSettings) builder.UseSetting(key, value);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        if (!onBroker) builder.ConfigureTestServices(services => services.AddMassTransitTestHarness());
    }

    /// <summary>A client signed in with the role (and the organisation a scoped role needs); the caller bounds each request.</summary>
    public HttpClient ClientAs(string role, string? organisation = null)
    {
        var client = CreateClient();
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", TestTokens.Issue(role, $"bench-{role.ToLowerInvariant()}", organisation));
        return client;
    }
}
