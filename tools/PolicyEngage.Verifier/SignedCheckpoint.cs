using PolicyEngage.Ledger.Proofs;

namespace PolicyEngage.Verifier;

internal static class SignedCheckpoint
{
    /// <summary>
    /// The checkpoint a note carries, once the trusted key's signature verifies and the log it names is the key's own
    /// (the SPEC signs each checkpoint under its origin).
    /// </summary>
    public static Checkpoint? Open(string note, NoteVerifier key, out string error)
    {
        if (!key.TryOpen(note, out var text, out var noteError))
        {
            error = $"the checkpoint note is refused: {noteError}";
            return null;
        }
        Checkpoint checkpoint;
        try { checkpoint = Checkpoint.ParseBody(text); }
        catch (FormatException e)
        {
            error = $"the signed text is not a checkpoint: {e.Message}";
            return null;
        }
        if (checkpoint.Origin != key.Name)
        {
            error = $"the checkpoint is of {checkpoint.Origin}, not of the key's log {key.Name}";
            return null;
        }
        error = "";
        return checkpoint;
    }
}
