using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.ServiceDefaults.Tests.Auth;

/// <summary>A Development probe configured as run.sh configures a service: with the public half of the key pair only.</summary>
public sealed class DevelopmentProbe : IAsyncLifetime
{
    internal ProbeApp App { get; private set; } = null!;

    public async Task InitializeAsync() =>
        App = await ProbeApp.StartAsync(Environments.Development, TestSigningKey.VerifierSettings.ToDictionary(s => s.Key, s => (string?)s.Value));

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// The bearer validation every service and the gateway share (AddJwtAuthentication). Each bad token is refused while
/// its control, the same token with the one defect removed, is admitted to the same endpoint.
/// </summary>
public sealed class TokenValidationTests(DevelopmentProbe probe) : IClassFixture<DevelopmentProbe>
{
    private static readonly string AuditorOnly = ProbeApp.EndpointFor(Roles.Auditor);
    private readonly ProbeApp _app = probe.App;

    public static TheoryData<string> AllRoles => [.. Roles.All];

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Each_role_with_its_scope_claim_is_admitted_to_its_own_endpoint(string role)
    {
        var token = TestTokens.Issue(role, "someone", OrganisationFor(role), RegulatorFor(role));

        await _app.AssertAdmittedAsync(ProbeApp.EndpointFor(role), token, "someone");
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_401()
    {
        var control = ProbeToken.For(Roles.Auditor);

        await _app.AssertAdmittedAsync(AuditorOnly, control.Signed(), control.Subject);
        await _app.AssertTokenRefusedAsync(AuditorOnly, control.Unsigned());
    }

    [Fact]
    public async Task A_token_that_expired_minutes_ago_is_401()
    {
        await _app.AssertAdmittedAsync(AuditorOnly, TestTokens.Issue(Roles.Auditor, "auditor", expires: DateTime.UtcNow.AddMinutes(5)), "auditor");
        await _app.AssertTokenRefusedAsync(AuditorOnly, TestTokens.Issue(Roles.Auditor, "auditor", expires: DateTime.UtcNow.AddMinutes(-5)));
    }

    [Fact]
    public async Task A_token_without_an_expiry_is_401()
    {
        var control = ProbeToken.For(Roles.Auditor);

        await _app.AssertAdmittedAsync(AuditorOnly, control.Signed(), control.Subject);
        await _app.AssertTokenRefusedAsync(AuditorOnly, (control with { Expires = null }).Signed());
    }

    [Fact]
    public async Task An_ES256_token_signed_with_another_key_is_401()
    {
        var control = ProbeToken.For(Roles.Auditor);

        await _app.AssertAdmittedAsync(AuditorOnly, control.Signed(), control.Subject);
        await _app.AssertTokenRefusedAsync(AuditorOnly, (control with { SignedWith = TestSigningKey.AnotherKey() }).Signed());
    }

    [Fact]
    public async Task An_HS256_token_signed_with_the_former_shared_development_secret_is_401()
    {
        var control = ProbeToken.For(Roles.Auditor);

        await _app.AssertAdmittedAsync(AuditorOnly, control.Signed(), control.Subject);
        await _app.AssertTokenRefusedAsync(AuditorOnly, (control with { SignedWith = FormerSharedSecret.Credentials }).Signed());
    }

    /// <summary>The public key is public: a verifier that took it as an HMAC secret would let anyone sign.</summary>
    [Fact]
    public async Task An_HS256_token_keyed_with_the_public_key_file_is_401()
    {
        var control = ProbeToken.For(Roles.Auditor);
        var publicKeyAsSecret = new SymmetricSecurityKey(File.ReadAllBytes(TestSigningKey.PublicKeyPath));

        await _app.AssertAdmittedAsync(AuditorOnly, control.Signed(), control.Subject);
        await _app.AssertTokenRefusedAsync(AuditorOnly, (control with { SignedWith = new SigningCredentials(publicKeyAsSecret, SecurityAlgorithms.HmacSha256) }).Signed());
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_401()
    {
        var control = ProbeToken.For(Roles.Auditor);

        await _app.AssertAdmittedAsync(AuditorOnly, control.Signed(), control.Subject);
        await _app.AssertTokenRefusedAsync(AuditorOnly, (control with { Issuer = "someone-else" }).Signed());
    }

    [Fact]
    public async Task A_token_for_another_audience_is_401()
    {
        var control = ProbeToken.For(Roles.Auditor);

        await _app.AssertAdmittedAsync(AuditorOnly, control.Signed(), control.Subject);
        await _app.AssertTokenRefusedAsync(AuditorOnly, (control with { Audience = "another-product" }).Signed());
    }

    [Theory]
    [InlineData(Roles.PolicyAuthor)]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.Regulator)]
    public async Task A_scoped_role_without_its_scope_claim_is_401(string role)
    {
        var endpoint = ProbeApp.EndpointFor(role);

        await _app.AssertAdmittedAsync(endpoint, TestTokens.Issue(role, "scoped", OrganisationFor(role), RegulatorFor(role)), "scoped");
        await _app.AssertTokenRefusedAsync(endpoint, TestTokens.Issue(role, "scoped"));
    }

    [Theory]
    [InlineData(Roles.PolicyAuthor)]
    [InlineData(Roles.Reviewer)]
    public async Task A_blank_organisation_is_401(string role)
    {
        var endpoint = ProbeApp.EndpointFor(role);

        await _app.AssertAdmittedAsync(endpoint, TestTokens.Issue(role, "member", organisation: "acme"), "member");
        await _app.AssertTokenRefusedAsync(endpoint, TestTokens.Issue(role, "member", organisation: " "));
    }

    [Fact]
    public async Task A_regulator_claim_that_is_not_a_regulator_id_is_401()
    {
        var control = ProbeToken.For(Roles.Regulator);
        var endpoint = ProbeApp.EndpointFor(Roles.Regulator);

        await _app.AssertAdmittedAsync(endpoint, control.Signed(), control.Subject);
        await _app.AssertTokenRefusedAsync(endpoint, (control with { Regulator = "ofcom" }).Signed());
    }

    [Fact]
    public async Task A_token_with_no_role_is_401_even_where_any_signed_in_caller_is_welcome()
    {
        var control = ProbeToken.For(Roles.Auditor);

        await _app.AssertAdmittedAsync(ProbeApp.SignedIn, control.Signed(), control.Subject);
        await _app.AssertTokenRefusedAsync(ProbeApp.SignedIn, (control with { RoleClaims = [] }).Signed());
    }

    [Fact]
    public async Task A_token_without_a_subject_is_401_where_any_signed_in_caller_is_welcome()
    {
        var control = ProbeToken.For(Roles.Auditor);

        await _app.AssertAdmittedAsync(ProbeApp.SignedIn, control.Signed(), control.Subject);
        await _app.AssertTokenRefusedAsync(ProbeApp.SignedIn, (control with { Subject = null }).Signed());
        await _app.AssertTokenRefusedAsync(ProbeApp.SignedIn, (control with { Subject = " " }).Signed());
    }

    [Fact]
    public async Task A_second_role_lacking_its_scope_claim_spoils_the_whole_token()
    {
        var control = ProbeToken.For(Roles.Auditor) with { RoleClaims = [Roles.Auditor, Roles.PolicyAuthor], Organisation = "acme" };

        await _app.AssertAdmittedAsync(AuditorOnly, control.Signed(), control.Subject);
        await _app.AssertTokenRefusedAsync(AuditorOnly, (control with { Organisation = null }).Signed());
    }

    [Fact]
    public async Task A_value_that_is_not_a_token_is_401()
    {
        await _app.AssertTokenRefusedAsync(AuditorOnly, "not-a-jwt");
    }

    [Fact]
    public async Task A_valid_token_of_the_wrong_role_is_403_with_problem_details()
    {
        await _app.AssertAdmittedAsync(AuditorOnly, TestTokens.Issue(Roles.Auditor, "someone"), "someone");

        using var response = await _app.GetAsync(AuditorOnly, TestTokens.Issue(Roles.Reviewer, "someone", organisation: "acme"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_anonymous_call_is_401_with_problem_details_and_a_bare_bearer_challenge()
    {
        await _app.AssertAdmittedAsync(ProbeApp.SignedIn, TestTokens.Issue(Roles.Auditor, "someone"), "someone");

        using var response = await _app.GetAsync(ProbeApp.SignedIn, token: null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Null(challenge.Parameter);
    }

    private static string? OrganisationFor(string role) => Roles.ScopeClaimOf(role) == PolicyEngageClaims.Organisation ? "acme" : null;

    private static Guid? RegulatorFor(string role) => role == Roles.Regulator ? ProbeToken.RegulatorId : null;
}
