namespace PolicyEngage.Verifier.Tests;

public sealed class ConsistencyVerificationTests : IDisposable
{
    private const int Size = 40;

    private static readonly SyntheticLedger Ledger = new(Size);

    private readonly Workspace _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(25)]
    [InlineData(1)]
    [InlineData(32)]
    [InlineData(Size)]
    public void An_older_head_consistent_with_the_export_s_verifies(int oldSize)
    {
        var outcome = Run(Ledger.Note(oldSize), Ledger.ConsistencyAnswer(oldSize, Size));

        Assert.Equal("", outcome.Stderr);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("old.note is consistent with it", outcome.Stdout);
    }

    [Fact]
    public void A_changed_byte_in_the_consistency_proof_fails_naming_the_proof_file()
    {
        var answer = Ledger.ConsistencyAnswer(25, Size);
        var tampered = Workspace.ChangeCharAt(answer, answer.IndexOf("\"hashes\":[\"", StringComparison.Ordinal) + 20);

        var outcome = Run(Ledger.Note(25), tampered);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Matches("^.*proof\\.json: the tree of size 25 is not proven a prefix of the tree of size 40\\n$", outcome.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_head_from_another_ledger_fails_naming_the_note_file()
    {
        var otherLedger = new SyntheticLedger(25);

        var outcome = Run(otherLedger.Note(25), Ledger.ConsistencyAnswer(25, Size));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Matches("^.*old\\.note: the checkpoint note is refused: no signature of ", outcome.Stderr);
    }

    [Fact]
    public void A_proof_for_another_old_size_fails_naming_the_proof_file()
    {
        var outcome = Run(Ledger.Note(25), Ledger.ConsistencyAnswer(20, Size));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Matches("^.*proof\\.json: from and fromRoot are not the older checkpoint's \\(size 25\\)", outcome.Stderr);
    }

    [Fact]
    public void A_proof_to_another_head_than_the_export_s_fails_naming_the_proof_file()
    {
        var outcome = Run(Ledger.Note(25), Ledger.ConsistencyAnswer(25, Size - 1));

        Assert.Equal(1, outcome.ExitCode);
        Assert.Matches("^.*proof\\.json: to and toRoot are not the export's checkpoint's \\(size 40\\)", outcome.Stderr);
    }

    [Fact]
    public void A_proof_with_the_old_roots_swapped_fails()
    {
        // A forger who rewrote history holds a different root at 25; the signed old head pins the real one.
        var answer = Ledger.ConsistencyAnswer(25, Size)
            .Replace(Convert.ToHexStringLower(Ledger.Root(25)), Convert.ToHexStringLower(Ledger.Root(24)));

        var outcome = Run(Ledger.Note(25), answer);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("proof.json: from and fromRoot are not the older checkpoint's", outcome.Stderr);
    }

    private Verify.Outcome Run(string oldNote, string answer)
    {
        var export = _files.Write("export.ndjson", Ledger.ExportLines(Size));
        var note = _files.Write("old.note", oldNote);
        var proof = _files.Write("proof.json", answer);
        return Verify.Run(export, "--key", Ledger.VerifierKey, "--consistency", note, "--proof", proof);
    }
}
