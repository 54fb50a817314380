using System.Diagnostics;
using PolicyEngage.Ledger.Proofs;
using PolicyEngage.ServiceDefaults.Tests.Support;
using PolicyEngage.Testing;

namespace PolicyEngage.ServiceDefaults.Tests.Ledger;

/// <summary>Audit signs every checkpoint with Ledger:SigningKey: without a usable one, outside Development, it does not start.</summary>
public sealed class LedgerKeyTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private const string Origin = "policyengage.local/ledger";

    [Theory]
    [InlineData("Production", null, "without Ledger:SigningKey")]
    [InlineData("Staging", null, "without Ledger:SigningKey")]
    [InlineData("Production", "PRIVATE+KEY+policyengage.local/ledger+00000000+AQ==", "is not a signed-note private key")]
    [InlineData("Production", "other", "is for 'elsewhere.example/log'")]
    public async Task Audit_refuses_to_start_without_a_signing_key_for_its_origin(string environment, string? key, string refusal)
    {
        using var data = new TempDirectory();
        var settings = TestSigningKey.VerifierSettings.AsEnvironment();
        settings["ASPNETCORE_ENVIRONMENT"] = environment;
        settings["Urls"] = "http://127.0.0.1:0";
        settings["Database__DataDirectory"] = data.Path;
        settings["RabbitMq__Port"] = "1";
        settings["RabbitMq__Password"] = "an-operator-chosen-broker-password";
        if (key is not null) settings["Ledger__SigningKey"] = key == "other" ? NoteSigner.Generate("elsewhere.example/log").PrivateKey : key;
        await using var process = BuiltProgram.Start("Audit", data.Path, settings);

        var exitCode = await process.ExitCodeWithinAsync(Bound);

        Assert.True(exitCode is not null, $"Audit was still running after {Bound}:\n{process.Output}");
        Assert.NotEqual(0, exitCode);
        Assert.Contains(refusal, process.Output);
    }

    /// <summary>run.sh makes the local run's key with openssl in bash; the library must read it as the key it claims to be.</summary>
    [Fact]
    public async Task The_key_the_local_run_makes_is_a_signed_note_key_for_the_default_origin()
    {
        using var folder = new TempDirectory();
        var script = Path.Combine(RepositoryRoot.Path, "deploy", "local", "dev-keys.sh");
        var made = Process.Start(new ProcessStartInfo("bash", ["-c", """source "$0" && dev_ledger_key_ensure "$1" "$2" && printf '%s' "$DEV_LEDGER_KEY" """, script, folder.Path, Origin])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var key = await made.StandardOutput.ReadToEndAsync();
        await made.WaitForExitAsync();

        Assert.Equal(0, made.ExitCode);
        var signer = NoteSigner.FromPrivateKey(key);
        Assert.Equal(Origin, signer.Name);
        var note = signer.Sign(new Checkpoint(Origin, 1, MerkleHash.Empty).Body);
        Assert.True(NoteVerifier.FromVerifierKey(signer.VerifierKey).TryOpen(note, out _, out var error), error);
        Assert.Equal(key, (await File.ReadAllTextAsync(Path.Combine(folder.Path, "ledger-signing-key"))).TrimEnd('\n'));
    }
}
