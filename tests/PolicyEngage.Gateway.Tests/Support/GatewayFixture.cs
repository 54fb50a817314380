namespace PolicyEngage.Gateway.Tests.Support;

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "Gateway in Development with stand-in services";
}

/// <summary>One Development gateway in front of the stand-ins, with limits high enough that no test trips them by accident.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public StandInServices Services { get; } = new();
    public GatewayFactory Gateway { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Services.InitializeAsync();
        Gateway = GatewayFactory.Start("Development",
        [
            .. Services.ClusterSettings(),
            KeyValuePair.Create("RateLimiting:PermitsPerSecond", (string?)"100000"),
            KeyValuePair.Create("RateLimiting:Burst", (string?)"100000"),
        ]);
        Client = Gateway.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Gateway.DisposeAsync();
        await Services.DisposeAsync();
    }
}
