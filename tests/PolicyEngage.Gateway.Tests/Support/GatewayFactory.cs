using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PolicyEngage.Gateway.Tests.Support;

/// <summary>
/// The real gateway on a real Kestrel port, so that Kestrel's body limit and headers are part of what is tested,
/// with settings layered over its appsettings.json.
/// </summary>
public sealed class GatewayFactory : WebApplicationFactory<Program>
{
    private readonly string _environment;
    private readonly IReadOnlyList<KeyValuePair<string, string?>> _settings;

    private GatewayFactory(string environment, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        _environment = environment;
        _settings = [.. settings];
    }

    public static GatewayFactory Start(string environment, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var factory = new GatewayFactory(environment, settings);
        factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }
}
