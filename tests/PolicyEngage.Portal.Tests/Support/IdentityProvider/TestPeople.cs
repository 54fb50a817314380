using System.Security.Claims;
using OpenIddict.Abstractions;
using PolicyEngage.ServiceDefaults.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PolicyEngage.Portal.Tests.Support.IdentityProvider;

/// <summary>Someone the test provider knows by user name, with what their access token says of them.</summary>
public sealed record TestPerson(string UserName, string Name, string Email, string Role, string? Organisation = null, Guid? Regulator = null);

/// <summary>The provider's directory: the people the tests sign in as.</summary>
public static class TestPeople
{
    public static readonly TestPerson Author = new("ann", "Ann Archer", "ann@acme.example", Roles.PolicyAuthor, Organisation: "acme");
    public static readonly TestPerson Liaison = new("lena", "Lena Lindqvist", "lena@alliance.example", Roles.LiaisonOfficer);

    private static readonly Dictionary<string, TestPerson> ByUserName =
        new[] { Author, Liaison }.ToDictionary(person => person.UserName, StringComparer.Ordinal);

    public static TestPerson? Find(string? userName) => userName is not null && ByUserName.TryGetValue(userName.Trim(), out var person) ? person : null;

    /// <summary>
    /// The claims a PolicyEngage token carries (sub, role and the role's scope claim, email, name) in the access token,
    /// for the API's audience when the client asked for its scope; name and e-mail in the identity token too.
    /// </summary>
    public static ClaimsPrincipal PrincipalOf(TestPerson person, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity("test-provider", Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, person.UserName)
            .SetClaim(Claims.Name, person.Name)
            .SetClaim(Claims.Email, person.Email)
            .SetClaim(PolicyEngageClaims.Role, person.Role);
        if (person.Organisation is not null) identity.SetClaim(PolicyEngageClaims.Organisation, person.Organisation);
        if (person.Regulator is not null) identity.SetClaim(PolicyEngageClaims.Regulator, person.Regulator.Value.ToString());
        var granted = scopes.ToList();
        identity.SetScopes(granted);
        if (granted.Contains(TestIdentityProvider.ApiScope)) identity.SetAudiences(TestIdentityProvider.ApiAudience);
        identity.SetDestinations(claim => claim.Type is Claims.Name or Claims.Email or Claims.Subject
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
