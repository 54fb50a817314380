using System.Net;
using System.Net.Http.Headers;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Tests.Support;
using PolicyEngage.Testing;

namespace PolicyEngage.ServiceDefaults.Tests.Auth;

/// <summary>
/// Each real program, started from its build output as an operator would start it, in Production: without a signing
/// key of its own it refuses to start; with one it runs, admits tokens signed with that key and refuses the
/// development key's.
/// </summary>
public sealed class ProductionProcessTests
{
    private const string OwnKey = "an-operator-chosen-production-secret-0123456789";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public static TheoryData<string, string?> ProgramsWithoutAKeyOfTheirOwn()
    {
        var data = new TheoryData<string, string?>();
        foreach (var program in new[] { "Submissions", "Reviews", "RegulatorLiaison", "Audit", "Gateway" })
        {
            data.Add(program, null);
            data.Add(program, DevelopmentSigningKey.Value);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ProgramsWithoutAKeyOfTheirOwn))]
    public async Task A_Production_process_without_a_signing_key_of_its_own_refuses_to_start(string program, string? signingKey)
    {
        using var data = new TempDirectory();
        var environment = ProductionEnvironment(data);
        if (signingKey is not null) environment["Auth__SigningKey"] = signingKey;
        await using var process = BuiltProgram.Start(program, data.Path, environment);

        var exitCode = await process.ExitCodeWithinAsync(Bound);

        Assert.True(exitCode is not null, $"{program} was still running after {Bound}:\n{process.Output}");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("Refusing to start in Production", process.Output);
    }

    [Theory]
    [InlineData("Submissions", "/api/papers", HttpStatusCode.OK)]
    [InlineData("Reviews", "/api/reviews", HttpStatusCode.OK)]
    [InlineData("RegulatorLiaison", "/api/regulators", HttpStatusCode.OK)]
    [InlineData("Audit", "/api/audit/verify", HttpStatusCode.OK)]
    // The gateway admits the caller, then finds no Audit behind it: 503 from its resilience pipeline.
    [InlineData("Gateway", "/api/audit/verify", HttpStatusCode.ServiceUnavailable)]
    public async Task A_Production_process_with_a_key_of_its_own_runs_and_refuses_development_tokens(
        string program, string auditorRoute, HttpStatusCode admitted)
    {
        using var data = new TempDirectory();
        var environment = ProductionEnvironment(data);
        environment["Auth__SigningKey"] = OwnKey;
        await using var process = BuiltProgram.Start(program, data.Path, environment);
        using var client = new HttpClient { BaseAddress = await process.ListeningAddressWithinAsync(Bound), Timeout = TimeSpan.FromSeconds(30) };
        var ownKey = JwtAuthentication.SigningKeyOf(new JwtOptions { SigningKey = OwnKey });

        Assert.Equal(admitted, await StatusOfAsync(client, auditorRoute, TestTokens.Issue(Roles.Auditor, key: ownKey)));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync(client, auditorRoute, TestTokens.Issue(Roles.Auditor)));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync(client, auditorRoute, ProbeToken.For(Roles.Auditor).Unsigned()));
        Assert.DoesNotContain("Refusing to start", process.Output);
    }

    /// <summary>
    /// Production, a free port, SQLite files in the test's folder, and nothing else reachable: RabbitMQ and the
    /// gateway's Audit destination on a closed port, so that a broker or an Audit running on this machine never sees
    /// these processes.
    /// </summary>
    private static Dictionary<string, string> ProductionEnvironment(TempDirectory data) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Urls"] = "http://127.0.0.1:0",
        ["Database__DataDirectory"] = data.Path,
        ["RabbitMq__Host"] = "127.0.0.1",
        ["RabbitMq__Port"] = "1",
        ["ReverseProxy__Clusters__audit__Destinations__primary__Address"] = "http://127.0.0.1:1",
    };

    private static async Task<HttpStatusCode> StatusOfAsync(HttpClient client, string route, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, route);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
