using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PolicyEngage.Gateway.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class DevTokenTests(GatewayFixture fixture)
{
    public static TheoryData<string, string?, string?> Callers() => new()
    {
        { Roles.PolicyAuthor, "org", "acme" },
        { Roles.Reviewer, "org", "globex" },
        { Roles.Regulator, "regulator", Tokens.RegulatorId.ToString() },
        { Roles.LiaisonOfficer, null, null },
        { Roles.Auditor, null, null },
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Issues_an_ES256_token_that_verifies_with_the_public_key_and_carries_the_callers_claims_for_one_hour(string role, string? scopeClaim, string? scope)
    {
        var request = new Dictionary<string, string?> { ["subject"] = "alice", ["role"] = role };
        if (scopeClaim is not null) request[scopeClaim] = scope;

        var accessToken = await IssueAsync(request);

        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(accessToken, new TokenValidationParameters
        {
            ValidIssuer = Tokens.Issuer,
            ValidAudience = Tokens.Audience,
            IssuerSigningKey = TestSigningKey.PublicKey,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        var token = (JsonWebToken)validation.SecurityToken;
        Assert.Equal(SecurityAlgorithms.EcdsaSha256, token.Alg);
        Assert.Equal("alice", token.Subject);
        Assert.Equal(role, token.GetClaim("role").Value);
        Assert.Equal(scope, token.Claims.SingleOrDefault(c => c.Type is "org" or "regulator")?.Value);
        Assert.Equal(TimeSpan.FromHours(1), token.ValidTo - token.IssuedAt);
        Assert.InRange(token.IssuedAt, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddSeconds(1));
        Assert.False(token.TryGetClaim("email", out _), "no email asked for, none given");
    }

    [Fact]
    public async Task An_email_asked_for_is_the_tokens_email_claim_as_given()
    {
        var accessToken = await IssueAsync(new() { ["subject"] = "ann", ["role"] = Roles.PolicyAuthor, ["org"] = "acme", ["email"] = "ann.lee+papers@acme.example" });

        var token = new JsonWebToken(accessToken);
        Assert.Equal("ann.lee+papers@acme.example", token.GetClaim("email").Value);
    }

    [Fact]
    public async Task An_issued_token_opens_the_callers_routes_through_the_gateway()
    {
        var accessToken = await IssueAsync(new() { ["subject"] = "desk-1", ["role"] = Roles.Regulator, ["regulator"] = Tokens.RegulatorId.ToString() });

        var response = await fixture.Client.SendAsync(HttpMethod.Get, "/api/regulator/inbox", accessToken);

        Assert.Equal("regulatorliaison", (await response.AssertProxiedAsync()).Service);
    }

    public static TheoryData<string, string> Refusals() => new()
    {
        { """{"subject":"alice","role":"Janitor"}""", "role" },
        { """{"subject":"alice"}""", "role" },
        { """{"subject":"alice","role":"PolicyAuthor"}""", "org" },
        { """{"subject":"alice","role":"Reviewer","org":"  "}""", "org" },
        { """{"subject":"alice","role":"Regulator","regulator":"not-a-guid"}""", "regulator" },
        { """{"subject":"alice","role":"Regulator","org":"acme"}""", "regulator" },
        { """{"role":"Auditor"}""", "subject" },
        { $$"""{"subject":"{{new string('a', 101)}}","role":"Auditor"}""", "subject" },
        { """{"subject":"alice","role":"Auditor","email":"not-an-address"}""", "email" },
        { """{"subject":"alice","role":"Auditor","email":"Alice <alice@example.org>"}""", "email" },
        { """{"subject":"alice","role":"Auditor","email":"alice@example.org, bob@example.org"}""", "email" },
        { """{"subject":"alice","role":"Auditor","email":"alice@example.org\r\nBcc: eve@example.org"}""", "email" },
        { """{"subject":"alice","role":"Auditor","email":"a@b@example.org"}""", "email" },
        { """{"subject":"alice","role":"Auditor","email":""}""", "email" },
        { $$"""{"subject":"alice","role":"Auditor","email":"{{new string('a', 243)}}@example.org"}""", "email" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Refuses_a_bad_request_with_a_400_naming_the_field(string body, string field)
    {
        var response = await fixture.Client.PostAsync("/dev/token", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private async Task<string> IssueAsync(Dictionary<string, string?> request)
    {
        var response = await fixture.Client.PostAsJsonAsync("/dev/token", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }
}
