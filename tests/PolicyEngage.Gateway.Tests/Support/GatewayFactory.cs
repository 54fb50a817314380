using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using PolicyEngage.Testing;

namespace PolicyEngage.Gateway.Tests.Support;

/// <summary>
/// The real gateway on a real Kestrel port, so that Kestrel's body limit and headers are part of what is tested,
/// with settings layered over its appsettings.json: first this run's <see cref="TestSigningKey"/> (the private half too
/// in Development, as run.sh configures the gateway), then the test's own.
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
        try
        {
            factory.UseKestrel(0);
            factory.StartServer();
            return factory;
        }
        catch
        {
            // A gateway that refused to start still holds its host builder.
            factory.Dispose();
            throw;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        var keys = _environment == Environments.Development ? TestSigningKey.IssuerSettings : TestSigningKey.VerifierSettings;
        foreach (var (key, value) in keys) builder.UseSetting(key, value);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }
}
