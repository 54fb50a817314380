using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace PolicyEngage.RegulatorLiaison.Digests.Renderings;

/// <summary>
/// The PDF rendering's fonts, embedded in this assembly because the servers have none (see Fonts/LICENSE-*.txt):
/// DejaVu Sans for Latin and most other alphabets, Droid Sans Fallback for Chinese and Japanese, NanumSquare for
/// Korean (Droid has almost no Hangul). Each character is set in the first of them that has its glyph, Hangul trying
/// NanumSquare first so a Korean text keeps one face. PDFsharp embeds the subset of glyphs a document uses, with a
/// ToUnicode map, so its text can be searched and copied.
/// </summary>
internal sealed class DigestFonts : IFontResolver
{
    public const string Latin = "PolicyEngage Digest Latin";
    public const string Cjk = "PolicyEngage Digest CJK";
    public const string Hangul = "PolicyEngage Digest Hangul";

    private static readonly Dictionary<string, string> Faces = new()
    {
        [Latin] = "DejaVuSans.ttf",
        [Cjk] = "DroidSansFallbackFull.ttf",
        [Hangul] = "NanumSquareR.ttf",
    };

    /// <summary>Unicode (Identity-H with a ToUnicode map) rather than WinAnsi, and only the glyphs used.</summary>
    public static XPdfFontOptions Options { get; } = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    private static readonly DigestFonts Instance = new();
    private static readonly Lock Gate = new();

    // Fonts only asked which characters they have, in the order they are tried.
    private static readonly Lazy<(string Family, XFont Font)[]> Probes = new(() =>
    {
        Install();
        return [.. new[] { Latin, Cjk, Hangul }.Select(f => (f, new XFont(f, 10, XFontStyleEx.Regular, Options)))];
    });

    /// <summary>
    /// PDFsharp takes one font resolver for the whole process, set before its first use; this is it. Another resolver
    /// already set by someone else would leave these fonts unknown, so that is refused rather than rendered wrongly.
    /// </summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = Instance;
            else if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
                throw new InvalidOperationException("Another PDFsharp font resolver is installed: digests can be rendered as PDF only with their own fonts.");
        }
    }

    /// <summary>The family to set a character in; Latin when none has it (a missing-glyph box).</summary>
    public static string FamilyFor(Rune rune)
    {
        var probes = Probes.Value;
        if (IsHangul(rune) && Has(probes[2].Font, rune)) return Hangul;
        foreach (var (family, font) in probes)
            if (Has(font, rune)) return family;
        return Latin;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // One weight of each: bold and italic are simulated.
        Faces.TryGetValue(familyName, out var face) ? new FontResolverInfo(face, bold, italic) : null;

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(DigestFonts).Assembly.GetManifestResourceStream("DigestFonts." + faceName);
        if (stream is null) return null;
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    private static bool Has(XFont font, Rune rune) => GlyphHelper.GlyphIndexFromCodePoint(rune.Value, font) != 0;

    private static bool IsHangul(Rune rune) => rune.Value is
        (>= 0x1100 and <= 0x11FF) or (>= 0x3130 and <= 0x318F) or (>= 0xA960 and <= 0xA97F) or (>= 0xAC00 and <= 0xD7FF);
}
