using System.Net.Http.Headers;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.Lists.Benchmarks;

/// <summary>
/// The Submissions service in-process on the benchmark's file, as the Submissions tests run it (Development, the test
/// signing key, MassTransit's in-memory harness instead of RabbitMQ), logging only warnings so that output stays the table's.
/// </summary>
internal sealed class BenchApp(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:submissions", connectionString);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in TestSigningKey.VerifierSettings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddMassTransitTestHarness());
    }

    /// <summary>A reviewer's client with a fresh token; the caller bounds each request.</summary>
    public HttpClient Reviewer()
    {
        var client = CreateClient();
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Issue(Roles.Reviewer, "bench-reviewer", "bench-reviewers"));
        return client;
    }
}
