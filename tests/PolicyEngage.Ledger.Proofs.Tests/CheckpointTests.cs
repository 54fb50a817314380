namespace PolicyEngage.Ledger.Proofs.Tests;

public class CheckpointTests
{
    private static readonly byte[] Root = Convert.FromHexString("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    [Fact]
    public void The_body_is_origin_size_and_base64_root_on_three_lines_and_parses_back()
    {
        var checkpoint = new Checkpoint("policyengage.local/ledger", 8, Root);

        Assert.Equal("policyengage.local/ledger\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", checkpoint.Body);
        Assert.Equal(checkpoint, Checkpoint.ParseBody(checkpoint.Body));
        Assert.Equal(Root, Checkpoint.ParseBody(checkpoint.Body).RootHash);
    }

    [Fact]
    public void The_C2SP_example_checkpoint_body_parses()
    {
        // c2sp.org/tlog-checkpoint's example (github.com/C2SP/C2SP, tlog-checkpoint.md).
        var checkpoint = Checkpoint.ParseBody("example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");

        Assert.Equal("example.com/behind-the-sofa", checkpoint.Origin);
        Assert.Equal(20852163, checkpoint.TreeSize);
    }

    [Fact]
    public void A_signed_checkpoint_opens_to_its_body()
    {
        var (privateKey, verifierKey) = NoteSigner.Generate("policyengage.local/ledger");
        var checkpoint = new Checkpoint("policyengage.local/ledger", 8, Root);
        var note = NoteSigner.FromPrivateKey(privateKey).Sign(checkpoint.Body);

        Assert.True(NoteVerifier.FromVerifierKey(verifierKey).TryOpen(note, out var text, out _));
        Assert.Equal(checkpoint, Checkpoint.ParseBody(text));
    }

    [Theory]
    [InlineData("policyengage.local/ledger\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=")] // no final newline
    [InlineData("policyengage.local/ledger\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\nextension\n")] // extension line
    [InlineData("\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n")] // empty origin
    [InlineData("policyengage.local/ledger\n08\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n")] // leading zero
    [InlineData("policyengage.local/ledger\n-8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n")] // sign
    [InlineData("policyengage.local/ledger\n+8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n")] // sign
    [InlineData("policyengage.local/ledger\n99999999999999999999\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n")] // overflow
    [InlineData("policyengage.local/ledger\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQ==\n")] // 31 bytes
    [InlineData("policyengage.local/ledger\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyh=\n")] // non-canonical base64
    [InlineData("policyengage.local/ledger\n8\n5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328\n")] // hex
    public void Anything_but_the_three_lines_is_refused(string body)
    {
        Assert.Throws<FormatException>(() => Checkpoint.ParseBody(body));
    }

    [Fact]
    public void A_checkpoint_copies_its_root_and_compares_by_value()
    {
        var root = Root.ToArray();
        var checkpoint = new Checkpoint("o", 8, root);
        root[0] ^= 1;

        Assert.Equal(new Checkpoint("o", 8, Root), checkpoint);
        Assert.NotEqual(new Checkpoint("o", 8, root), checkpoint);
        Assert.NotEqual(new Checkpoint("o", 9, Root), checkpoint);
        Assert.Throws<ArgumentException>(() => new Checkpoint("o", 8, Root[..31]));
        Assert.Throws<ArgumentException>(() => new Checkpoint("o\np", 8, Root));
    }
}
