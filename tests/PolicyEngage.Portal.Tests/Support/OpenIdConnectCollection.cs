namespace PolicyEngage.Portal.Tests.Support;

/// <summary>The browser tests of sign-in at an identity provider: a system of their own, never the development issuer's.</summary>
[CollectionDefinition(Name)]
public sealed class OpenIdConnectCollection : ICollectionFixture<OpenIdConnectPortalSystem>, ICollectionFixture<Chromium>
{
    public const string Name = "Portal with OpenID Connect";
}
