namespace PolicyEngage.Verifier;

/// <summary>What the command line asks: an export and the key to trust, optionally an older head to hold it to.</summary>
internal sealed record VerifyRequest(string ExportPath, string VerifierKey, string? OldNotePath, string? ConsistencyProofPath)
{
    public const string Usage =
        "usage: policyengage-verify EXPORT.ndjson --key <verifierKey> [--consistency OLD.note --proof PROOF.json]";

    /// <summary>The request, or null with <paramref name="error"/> saying what is wrong with the arguments.</summary>
    public static VerifyRequest? Parse(IReadOnlyList<string> args, out string error)
    {
        string? export = null, key = null, oldNote = null, proof = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--key" or "--consistency" or "--proof")
            {
                if (i + 1 == args.Count) { error = $"{arg} needs a value"; return null; }
                var value = args[++i];
                switch (arg)
                {
                    case "--key": key = value; break;
                    case "--consistency": oldNote = value; break;
                    default: proof = value; break;
                }
            }
            else if (arg.StartsWith('-')) { error = $"unknown option {arg}"; return null; }
            else if (export is null) export = arg;
            else { error = $"one export at a time, not also {arg}"; return null; }
        }

        error = (export, key, oldNote, proof) switch
        {
            (null, _, _, _) => "name the export file",
            (_, null, _, _) => "give the verifier key with --key",
            (_, _, null, not null) => "--proof goes with --consistency",
            (_, _, not null, null) => "--consistency needs --proof",
            _ => "",
        };
        return error.Length == 0 ? new VerifyRequest(export!, key!, oldNote, proof) : null;
    }
}
