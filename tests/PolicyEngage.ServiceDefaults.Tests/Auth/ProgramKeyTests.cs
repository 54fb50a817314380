using System.Net;
using System.Net.Http.Headers;
using PolicyEngage.Ledger.Proofs;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Tests.Support;
using PolicyEngage.Testing;

namespace PolicyEngage.ServiceDefaults.Tests.Auth;

/// <summary>
/// Each real program, started from its build output as an operator would start it: without a key to verify tokens it
/// refuses to start; outside Development a private signing key makes it refuse too; with the public key it runs,
/// admits ES256 tokens of that key's pair and refuses HS256 (the former shared secret's), another key's and unsigned ones.
/// </summary>
public sealed class ProgramKeyTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public static TheoryData<string> Programs => ["Submissions", "Reviews", "RegulatorLiaison", "Audit", "Gateway"];

    [Theory]
    [MemberData(nameof(Programs))]
    public async Task A_Production_process_without_a_key_or_an_authority_refuses_to_start(string program)
    {
        using var data = new TempDirectory();
        await using var process = BuiltProgram.Start(program, data.Path, EnvironmentIn("Production", data));

        await AssertRefusedAsync(process, program, "Refusing to start in Production without a key to verify tokens");
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public async Task A_Production_process_given_a_private_signing_key_refuses_to_start(string program)
    {
        using var data = new TempDirectory();
        var environment = EnvironmentIn("Production", data);
        foreach (var (key, value) in TestSigningKey.IssuerSettings.AsEnvironment()) environment[key] = value;
        await using var process = BuiltProgram.Start(program, data.Path, environment);

        await AssertRefusedAsync(process, program, "Refusing to start in Production with Auth:SigningKeyPath set");
    }

    [Theory]
    [InlineData("Production", "Submissions", "/api/papers", HttpStatusCode.OK)]
    [InlineData("Production", "Reviews", "/api/reviews", HttpStatusCode.OK)]
    [InlineData("Production", "RegulatorLiaison", "/api/regulators", HttpStatusCode.OK)]
    [InlineData("Production", "Audit", "/api/audit/verify", HttpStatusCode.OK)]
    // The gateway admits the caller, then finds no Audit behind it: 503 from its resilience pipeline.
    [InlineData("Production", "Gateway", "/api/audit/verify", HttpStatusCode.ServiceUnavailable)]
    [InlineData("Development", "Submissions", "/api/papers", HttpStatusCode.OK)]
    [InlineData("Development", "Reviews", "/api/reviews", HttpStatusCode.OK)]
    [InlineData("Development", "RegulatorLiaison", "/api/regulators", HttpStatusCode.OK)]
    [InlineData("Development", "Audit", "/api/audit/verify", HttpStatusCode.OK)]
    [InlineData("Development", "Gateway", "/api/audit/verify", HttpStatusCode.ServiceUnavailable)]
    public async Task A_process_with_the_public_key_admits_its_pairs_tokens_and_refuses_HS256_another_key_and_none(
        string environmentName, string program, string auditorRoute, HttpStatusCode admitted)
    {
        using var data = new TempDirectory();
        var environment = EnvironmentIn(environmentName, data);
        foreach (var (key, value) in TestSigningKey.VerifierSettings.AsEnvironment()) environment[key] = value;
        await using var process = BuiltProgram.Start(program, data.Path, environment);
        using var client = new HttpClient { BaseAddress = await process.ListeningAddressWithinAsync(Bound), Timeout = TimeSpan.FromSeconds(30) };

        Assert.Equal(admitted, await StatusOfAsync(client, auditorRoute, TestTokens.Issue(Roles.Auditor)));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync(client, auditorRoute, TestTokens.Issue(Roles.Auditor, signedWith: FormerSharedSecret.Credentials)));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync(client, auditorRoute, TestTokens.Issue(Roles.Auditor, signedWith: TestSigningKey.AnotherKey())));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync(client, auditorRoute, ProbeToken.For(Roles.Auditor).Unsigned()));
        Assert.DoesNotContain("Refusing to start", process.Output);
    }

    private static async Task AssertRefusedAsync(BuiltProgram process, string program, string refusal)
    {
        var exitCode = await process.ExitCodeWithinAsync(Bound);

        Assert.True(exitCode is not null, $"{program} was still running after {Bound}:\n{process.Output}");
        Assert.NotEqual(0, exitCode);
        Assert.Contains(refusal, process.Output);
    }

    /// <summary>
    /// The environment, a free port, SQLite files in the test's folder, and nothing else reachable: RabbitMQ and the
    /// gateway's Audit destination on a closed port, so that a broker or an Audit running on this machine never sees
    /// these processes.
    /// </summary>
    private static Dictionary<string, string> EnvironmentIn(string environment, TempDirectory data) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = environment,
        ["Urls"] = "http://127.0.0.1:0",
        ["Database__DataDirectory"] = data.Path,
        ["RabbitMq__Host"] = "127.0.0.1",
        ["RabbitMq__Port"] = "1",
        ["RabbitMq__Password"] = "an-operator-chosen-broker-password",
        ["Ledger__SigningKey"] = NoteSigner.Generate("policyengage.local/ledger").PrivateKey,
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
