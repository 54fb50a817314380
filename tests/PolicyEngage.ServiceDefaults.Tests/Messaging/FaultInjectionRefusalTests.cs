using PolicyEngage.ServiceDefaults.Tests.Support;
using PolicyEngage.Testing;

namespace PolicyEngage.ServiceDefaults.Tests.Messaging;

/// <summary>
/// The fault suite's failpoints kill processes on purpose: a service started outside Development with any of them set
/// refuses to start, whatever else is right about its configuration.
/// </summary>
public sealed class FaultInjectionRefusalTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("Production", "Submissions", "FaultInjection__KillAfterConsuming", "1")]
    [InlineData("Production", "Reviews", "FaultInjection__ConsumeDelay", "00:00:01")]
    [InlineData("Production", "RegulatorLiaison", "FaultInjection__KillAfterConsuming", "10")]
    [InlineData("Production", "Audit", "FaultInjection__ConsumeDelay", "00:00:00.100")]
    [InlineData("Staging", "Reviews", "FaultInjection__KillAfterConsuming", "1")]
    [InlineData("Production", "Submissions", "FaultInjection__KillAfterMailAnswered", "1")]
    public async Task A_service_outside_Development_with_a_failpoint_set_refuses_to_start(string environment, string program, string failpoint, string value)
    {
        using var data = new TempDirectory();
        var settings = TestSigningKey.VerifierSettings.AsEnvironment();
        settings["ASPNETCORE_ENVIRONMENT"] = environment;
        settings["Urls"] = "http://127.0.0.1:0";
        settings["Database__DataDirectory"] = data.Path;
        settings["RabbitMq__Port"] = "1";
        settings["RabbitMq__Password"] = "an-operator-chosen-broker-password";
        settings[failpoint] = value;
        await using var process = BuiltProgram.Start(program, data.Path, settings);

        var exitCode = await process.ExitCodeWithinAsync(Bound);

        Assert.True(exitCode is not null, $"{program} was still running after {Bound}:\n{process.Output}");
        Assert.NotEqual(0, exitCode);
        Assert.Contains($"Refusing to start in {environment} with FaultInjection configured", process.Output);
    }
}
