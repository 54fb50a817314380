using PolicyEngage.Audit.Ledger;
using PolicyEngage.Ledger.Proofs;
using PolicyEngage.ServiceDefaults.Health;

namespace PolicyEngage.Audit.Checkpoints;

/// <summary>The ledger's checkpoint key, read and checked once at start-up: a process that cannot sign does not start.</summary>
public static class LedgerSigning
{
    public static IHostApplicationBuilder AddLedgerCheckpoints(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(LedgerOptions.Section);
        builder.Services.Configure<LedgerOptions>(section);
        var options = section.Get<LedgerOptions>() ?? new LedgerOptions();
        if (options.SignerLease < 2 * options.CheckpointInterval)
            throw new InvalidOperationException(
                $"{LedgerOptions.Section}:SignerLease ({options.SignerLease}) is shorter than two of {LedgerOptions.Section}:CheckpointInterval ({options.CheckpointInterval}): the signer would lose it between rounds.");
        builder.Services.AddSingleton(SignerOf(options, builder.Environment));
        builder.Services.AddHostedService<CheckpointSigner>();
        builder.Services.AddSingleton<WaitingEventsMetrics>();
        builder.Services.AddHealthChecks().AddCheck<WaitingEventsHealthCheck>("ledger-waiting", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    private static NoteSigner SignerOf(LedgerOptions options, IHostEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            if (!environment.IsDevelopment())
                throw new InvalidOperationException(
                    $"Refusing to start in {environment.EnvironmentName} without {LedgerOptions.Section}:SigningKey: every checkpoint of the ledger is signed with it.");
            // A Development process run by hand (not by run.sh): checkpoints it signs verify only until it stops.
            return NoteSigner.FromPrivateKey(NoteSigner.Generate(options.Origin).PrivateKey);
        }
        NoteSigner signer;
        try
        {
            signer = NoteSigner.FromPrivateKey(options.SigningKey.Trim());
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException($"{LedgerOptions.Section}:SigningKey is not a signed-note private key (PRIVATE+KEY+<origin>+<key id>+<key>): {exception.Message}");
        }
        if (signer.Name != options.Origin)
            throw new InvalidOperationException($"{LedgerOptions.Section}:SigningKey is for '{signer.Name}', but {LedgerOptions.Section}:Origin is '{options.Origin}'.");
        return signer;
    }
}
