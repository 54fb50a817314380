using PolicyEngage.Ledger.Proofs;

namespace PolicyEngage.Verifier;

/// <summary>
/// Exit 0 when everything holds, 1 with one "line N: reason" (or "FILE: reason") per failure on stderr, 2 for a command
/// line that cannot be run. Reads local files only: no network, no database.
/// </summary>
public static class VerifierCommand
{
    public const int Verified = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args is ["--help"] or ["-h"])
        {
            stdout.WriteLine(VerifyRequest.Usage);
            return Verified;
        }
        var request = VerifyRequest.Parse(args, out var usageError);
        if (request is null) return Usage(stderr, usageError);

        NoteVerifier key;
        try { key = NoteVerifier.FromVerifierKey(request.VerifierKey); }
        catch (FormatException e) { return Usage(stderr, $"--key: {e.Message}"); }

        foreach (var path in new[] { request.ExportPath, request.OldNotePath, request.ConsistencyProofPath }.OfType<string>())
            if (!File.Exists(path)) return Usage(stderr, $"{path}: no such file");

        var failures = new List<string>();
        var export = ExportCheck.Run(request.ExportPath, key, failures);
        if (export.Checkpoint is { } head && request is { OldNotePath: { } oldNote, ConsistencyProofPath: { } proof })
            ConsistencyCheck.Run(oldNote, proof, head, key, failures);

        foreach (var failure in failures) stderr.WriteLine(failure);
        if (failures.Count > 0) return Failed;

        var checkpoint = export.Checkpoint!;
        stdout.WriteLine($"verified: {export.Entries} entries in {checkpoint.Origin} at tree size {checkpoint.TreeSize}, root {Convert.ToHexStringLower(checkpoint.RootHash)}");
        if (request.OldNotePath is { } old) stdout.WriteLine($"verified: {old} is consistent with it");
        return Verified;
    }

    private static int Usage(TextWriter stderr, string error)
    {
        stderr.WriteLine($"policyengage-verify: {error}");
        stderr.WriteLine(VerifyRequest.Usage);
        return UsageError;
    }
}
