using System.Security.Cryptography;
using System.Text;

namespace PolicyEngage.Ledger.Proofs.Tests;

/// <summary>
/// The PeterNeumann key pair, text and signature of golang.org/x/mod's sumdb/note/note_test.go (TestNewSigner,
/// TestSign, TestOpen; github.com/golang/mod, commit fe2ec04f7c3c3aa6fad97631aafcff6e49e2d1db), and the verifier key
/// and note of the C2SP signed-note specification's example (github.com/C2SP/C2SP, signed-note.md).
/// </summary>
public class SignedNoteTests
{
    private const string PeterPrivateKey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private const string PeterVerifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private const string PeterText = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private const string PeterSignatureLine = "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    private const string PeterNote = PeterText + "\n" + PeterSignatureLine;
    private const string EnochSignatureLine = "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    [Fact]
    public void The_private_key_gives_the_published_name_key_id_and_verifier_key()
    {
        var signer = NoteSigner.FromPrivateKey(PeterPrivateKey);

        Assert.Equal("PeterNeumann", signer.Name);
        Assert.Equal(PeterVerifierKey, signer.VerifierKey);
    }

    [Fact]
    public void Signing_the_published_text_gives_the_published_note_byte_for_byte()
    {
        Assert.Equal(PeterNote, NoteSigner.FromPrivateKey(PeterPrivateKey).Sign(PeterText));
    }

    [Fact]
    public void The_published_notes_open_with_their_verifier_keys()
    {
        var peter = NoteVerifier.FromVerifierKey(PeterVerifierKey);
        Assert.True(peter.TryOpen(PeterNote, out var text, out var error), error);
        Assert.Equal(PeterText, text);
        Assert.Equal("PeterNeumann", peter.Name);

        var example = NoteVerifier.FromVerifierKey("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k");
        const string exampleNote = "This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";
        Assert.True(example.TryOpen(exampleNote, out text, out error), error);
        Assert.Equal("This is an example message.\n", text);
    }

    [Fact]
    public void Signatures_of_other_keys_are_ignored_wherever_they_stand()
    {
        var peter = NoteVerifier.FromVerifierKey(PeterVerifierKey);

        Assert.True(peter.TryOpen(PeterText + "\n" + EnochSignatureLine + PeterSignatureLine, out var text, out _));
        Assert.Equal(PeterText, text);
        Assert.True(peter.TryOpen(PeterNote + EnochSignatureLine, out _, out _));
        Assert.False(peter.TryOpen(PeterText + "\n" + EnochSignatureLine, out _, out var error));
        Assert.Equal("no signature of PeterNeumann+c74f20a3", error);
    }

    [Fact]
    public void A_tampered_text_is_refused()
    {
        var peter = NoteVerifier.FromVerifierKey(PeterVerifierKey);

        Assert.False(peter.TryOpen(PeterNote.Replace("cryptography", "Cryptography"), out var text, out var error));
        Assert.Equal("the signature of PeterNeumann does not verify", error);
        Assert.Equal("", text);
    }

    [Fact]
    public void Another_key_refuses_the_note()
    {
        var (_, otherVerifierKey) = NoteSigner.Generate("PeterNeumann");

        Assert.False(NoteVerifier.FromVerifierKey(otherVerifierKey).TryOpen(PeterNote, out _, out var error));
        Assert.StartsWith("no signature of PeterNeumann+", error);
    }

    [Fact]
    public void A_signature_under_the_right_name_and_key_id_by_another_key_is_refused()
    {
        // An attacker can choose a key whose id collides with ours; the id only picks the key, the signature must still verify.
        var (otherPrivateKey, _) = NoteSigner.Generate("PeterNeumann");
        var forged = NoteSigner.FromPrivateKey(otherPrivateKey).Sign(PeterText);
        var forgedSignature = Convert.FromBase64String(forged.TrimEnd('\n').Split(' ')[^1]);
        byte[] collidingSignature = [0xc7, 0x4f, 0x20, 0xa3, .. forgedSignature[4..]];
        var note = PeterText + "\n— PeterNeumann " + Convert.ToBase64String(collidingSignature) + "\n";

        Assert.False(NoteVerifier.FromVerifierKey(PeterVerifierKey).TryOpen(note, out _, out var error));
        Assert.Equal("the signature of PeterNeumann does not verify", error);
        Assert.False(NoteVerifier.FromVerifierKey(PeterVerifierKey).TryOpen(PeterNote + note[PeterText.Length..][1..], out _, out _));
    }

    [Theory]
    [InlineData("no blank line\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")]
    [InlineData("If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n\n")]
    [InlineData("If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=")]
    [InlineData("If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n\n- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")]
    [InlineData("If you think cryptography is the answer\rto your problem,\nthen you don't know what your problem is.\n\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")]
    public void Malformed_notes_are_refused(string note)
    {
        Assert.False(NoteVerifier.FromVerifierKey(PeterVerifierKey).TryOpen(note, out _, out var error));
        Assert.NotEqual("", error);
    }

    [Fact]
    public void A_generated_key_pair_signs_what_its_verifier_opens()
    {
        var (privateKey, verifierKey) = NoteSigner.Generate("policyengage.local/ledger");
        var signer = NoteSigner.FromPrivateKey(privateKey);

        Assert.Equal(verifierKey, signer.VerifierKey);
        Assert.Matches("^PRIVATE\\+KEY\\+policyengage\\.local/ledger\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}$", privateKey);
        Assert.Equal(privateKey.Split('+')[3], verifierKey.Split('+')[1]);
        Assert.True(NoteVerifier.FromVerifierKey(verifierKey).TryOpen(signer.Sign("a\n\nb\n"), out var text, out _));
        Assert.Equal("a\n\nb\n", text);
    }

    [Theory]
    [InlineData("PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")] // key id of another key
    [InlineData("PRIVATE+KEY+PeterNeuman+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")] // another name
    [InlineData("PRIVATE+KEY+PeterNeumann+c74f20a3+AoEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")] // another algorithm byte
    [InlineData("PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDF")] // truncated
    [InlineData("PRIVATE+KEY+PeterNeumann+C74F20A3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")] // upper-case id
    [InlineData("PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")] // no PRIVATE+KEY+
    public void Private_keys_that_do_not_hold_together_are_refused(string privateKey)
    {
        Assert.Throws<FormatException>(() => NoteSigner.FromPrivateKey(privateKey));
    }

    [Theory]
    [InlineData("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    [InlineData("PeterNeuman+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")]
    [InlineData("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==")] // from note_test.go: wrong length
    [InlineData("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")] // from note_test.go: unknown algorithm
    [InlineData("PeterNeumann+c74f20a3")]
    public void Verifier_keys_that_do_not_hold_together_are_refused(string verifierKey)
    {
        Assert.Throws<FormatException>(() => NoteVerifier.FromVerifierKey(verifierKey));
    }

    [Fact]
    public void A_verifier_key_whose_key_is_no_curve_point_is_refused_even_with_its_own_key_id()
    {
        // y = 2^255 - 1 is not below the field prime, so no Ed25519 point encodes as 32 bytes of 0xff.
        var notAPoint = Enumerable.Repeat((byte)0xff, 32).ToArray();
        var keyId = SHA256.HashData([.. Encoding.UTF8.GetBytes("PeterNeumann"), 0x0a, 0x01, .. notAPoint])[..4];
        var verifierKey = $"PeterNeumann+{Convert.ToHexStringLower(keyId)}+{Convert.ToBase64String([0x01, .. notAPoint])}";

        Assert.Throws<FormatException>(() => NoteVerifier.FromVerifierKey(verifierKey));
    }

    [Fact]
    public void Only_text_ending_in_a_newline_is_signed()
    {
        var signer = NoteSigner.FromPrivateKey(PeterPrivateKey);

        Assert.Throws<ArgumentException>(() => signer.Sign("abc"));
        Assert.Throws<ArgumentException>(() => signer.Sign("a\tb\n"));
    }
}
