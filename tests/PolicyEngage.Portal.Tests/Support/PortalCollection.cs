namespace PolicyEngage.Portal.Tests.Support;

/// <summary>One running system and one browser for every browser test; each test opens its own contexts (one per person).</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalSystem>, ICollectionFixture<Chromium>
{
    public const string Name = "Portal";
}
