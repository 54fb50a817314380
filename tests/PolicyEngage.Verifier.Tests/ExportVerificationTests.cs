using PolicyEngage.Ledger.Proofs;

namespace PolicyEngage.Verifier.Tests;

public sealed class ExportVerificationTests : IDisposable
{
    private const int Size = 40;

    private static readonly SyntheticLedger Ledger = new(Size);

    private readonly Workspace _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void A_genuine_export_verifies()
    {
        var export = _files.Write("export.ndjson", Ledger.ExportLines(Size));

        var outcome = Verify.Run(export, "--key", Ledger.VerifierKey);

        Assert.Equal("", outcome.Stderr);
        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith($"verified: {Size} entries in {SyntheticLedger.Origin} at tree size {Size}", outcome.Stdout);
    }

    [Fact]
    public void A_filtered_export_with_gaps_in_the_sequence_verifies()
    {
        var export = _files.Write("export.ndjson", Ledger.ExportLines(Size, entry => entry["sequence"]!.GetValue<long>() % 3 == 0));

        var outcome = Verify.Run(export, "--key", Ledger.VerifierKey);

        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith("verified: 13 entries", outcome.Stdout);
    }

    [Fact]
    public void An_export_as_of_an_older_checkpoint_verifies_against_that_checkpoint()
    {
        var export = _files.Write("export.ndjson", Ledger.ExportLines(25));

        Assert.Equal(0, Verify.Run(export, "--key", Ledger.VerifierKey).ExitCode);
    }

    [Fact]
    public void One_changed_byte_in_an_entry_s_data_fails_that_line_on_its_hash()
    {
        var export = _files.Write("export.ndjson", Ledger.ExportLines(Size));
        Workspace.ChangeLine(export, 11, line => Workspace.ChangeCharAt(line, line.IndexOf("privacy", StringComparison.Ordinal)));

        var outcome = Verify.Run(export, "--key", Ledger.VerifierKey);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("line 11: entry 10: its hash is not SHA-256 of its previousHash and canonical data", outcome.Stderr.Split(" (that is")[0]);
    }

    [Fact]
    public void One_changed_byte_in_an_entry_outside_its_data_fails_that_line_on_its_proof()
    {
        var export = _files.Write("export.ndjson", Ledger.ExportLines(Size));
        Workspace.ChangeLine(export, 6, line => Workspace.ChangeCharAt(line, line.IndexOf("\"actor\":\"member-", StringComparison.Ordinal) + 15));

        var outcome = Verify.Run(export, "--key", Ledger.VerifierKey);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("line 6: entry 5: its inclusion proof does not lead to the checkpoint's root\n", outcome.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void One_changed_byte_in_a_proof_hash_fails_that_line()
    {
        var export = _files.Write("export.ndjson", Ledger.ExportLines(Size));
        Workspace.ChangeLine(export, 21, line => Workspace.ChangeCharAt(line, line.IndexOf("\"proof\":[\"", StringComparison.Ordinal) + 20));

        var outcome = Verify.Run(export, "--key", Ledger.VerifierKey);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("line 21: entry 20: its inclusion proof does not lead to the checkpoint's root\n", outcome.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Every_tampered_line_is_reported_not_only_the_first()
    {
        var export = _files.Write("export.ndjson", Ledger.ExportLines(Size));
        foreach (var lineNumber in new[] { 3, 30 })
            Workspace.ChangeLine(export, lineNumber, line => Workspace.ChangeCharAt(line, line.IndexOf("\"proof\":[\"", StringComparison.Ordinal) + 20));

        var outcome = Verify.Run(export, "--key", Ledger.VerifierKey);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(["line 3", "line 30"], outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(failure => failure.Split(':')[0]));
    }

    [Fact]
    public void One_changed_byte_in_the_checkpoint_signature_fails_line_1()
    {
        var export = _files.Write("export.ndjson", Ledger.ExportLines(Size));
        Workspace.ChangeLine(export, 1, line => Workspace.ChangeCharAt(line, line.LastIndexOf(SyntheticLedger.Origin + " ", StringComparison.Ordinal) + SyntheticLedger.Origin.Length + 20));

        var outcome = Verify.Run(export, "--key", Ledger.VerifierKey);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal($"line 1: the checkpoint note is refused: the signature of {SyntheticLedger.Origin} does not verify\n", outcome.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_checkpoint_claiming_another_tree_size_fails_line_1()
    {
        var export = _files.Write("export.ndjson", Ledger.ExportLines(Size));
        Workspace.ChangeLine(export, 1, line => line.Replace($"\\n{Size}\\n", $"\\n{Size + 1}\\n"));

        var outcome = Verify.Run(export, "--key", Ledger.VerifierKey);

        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith("line 1: the checkpoint note is refused", outcome.Stderr);
    }

    [Fact]
    public void Another_key_under_the_same_name_fails_line_1()
    {
        var export = _files.Write("export.ndjson", Ledger.ExportLines(Size));
        var (_, otherKey) = NoteSigner.Generate(SyntheticLedger.Origin);

        var outcome = Verify.Run(export, "--key", otherKey);

        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith($"line 1: the checkpoint note is refused: no signature of {SyntheticLedger.Origin}+", outcome.Stderr);
    }

    [Fact]
    public void An_entry_after_the_checkpoint_s_tree_fails_its_line()
    {
        var lines = Ledger.ExportLines(10).ToList();
        lines.Add(Ledger.ExportLines(Size).Last());
        var export = _files.Write("export.ndjson", lines);

        var outcome = Verify.Run(export, "--key", Ledger.VerifierKey);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal($"line 12: entry {Size} is not in the checkpoint's tree of size 10\n", outcome.Stderr.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"entry": {"sequence": 1}}""")]
    [InlineData("""{"entry": {"sequence": "1", "previousHash": "", "hash": "", "data": {}}, "proof": []}""")]
    [InlineData("""{"entry": {"sequence": 1, "previousHash": "", "hash": "", "data": {}}, "proof": ["ABCD"]}""")]
    public void A_line_that_is_not_an_entry_and_its_proof_fails(string line)
    {
        var export = _files.Write("export.ndjson", [.. Ledger.ExportLines(3), line]);

        var outcome = Verify.Run(export, "--key", Ledger.VerifierKey);

        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith("line 5: ", outcome.Stderr);
    }
}
