using PolicyEngage.Testing;

namespace PolicyEngage.Portal.Tests.SignIn;

/// <summary>The portal as a real process, started with settings it must refuse: it stops at once and says why.</summary>
public sealed class PortalStartTests : IDisposable
{
    private readonly TempDirectory _logs = new();

    [Fact]
    public async Task Outside_Development_the_portal_refuses_to_start_without_an_identity_provider()
    {
        var log = await ExitLogAsync(new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });

        Assert.Contains("Refusing to start in Production without Auth:Authority", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_Development_the_portal_refuses_an_identity_provider_over_plain_http_on_another_machine()
    {
        var log = await ExitLogAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Auth__Authority"] = "http://login.alliance.example/",
            ["Auth__RequireHttpsMetadata"] = "false",
        });

        Assert.Contains("Refusing to start in Production with Auth:RequireHttpsMetadata false", log, StringComparison.Ordinal);
    }

    /// <summary>Starts the portal, waits for it to end by itself, and returns its log; a portal that keeps running fails the test.</summary>
    private async Task<string> ExitLogAsync(Dictionary<string, string> environment)
    {
        environment["Portal__GatewayUrl"] = "http://127.0.0.1:9";
        await using var portal = ServiceProcess.Start("Portal", "portal/PolicyEngage.Portal", _logs.Path, environment);

        var exitCode = await portal.ExitCodeWithinAsync(TimeSpan.FromSeconds(30));

        Assert.NotEqual(0, exitCode);
        return portal.LogTail(int.MaxValue);
    }

    public void Dispose() => _logs.Dispose();
}
