using System.Text;

namespace PolicyEngage.RegulatorLiaison.Digests.Groups;

/// <summary>
/// The words a body is compared by: its text in Unicode NFKC, lower-cased invariantly, split into runs of letters and
/// decimal digits (<see cref="Rune.IsLetterOrDigit"/>); each Han, Kana or Hangul letter is a word of its own, since
/// those scripts put no spaces between words. Everything else (spaces, punctuation, symbols, combining marks) separates.
/// </summary>
public static class BodyWords
{
    // With InvariantGlobalization, string.Normalize silently returns its input: full-width text would not match ASCII.
    private static readonly bool NormalizationWorks = "\uFF21".Normalize(NormalizationForm.FormKC) == "A";

    public static IReadOnlyList<string> Of(string body)
    {
        if (!NormalizationWorks)
            throw new PlatformNotSupportedException(
                "Grouping like positions needs Unicode NFKC, which this process cannot do: it runs with InvariantGlobalization (no ICU).");

        var text = body.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var words = new List<string>();
        var runStart = -1;
        for (var at = 0; at < text.Length;)
        {
            Rune.DecodeFromUtf16(text.AsSpan(at), out var rune, out var length);
            var isWordCharacter = Rune.IsLetterOrDigit(rune);
            if (isWordCharacter && !StandsAlone(rune))
            {
                if (runStart < 0) runStart = at;
            }
            else
            {
                if (runStart >= 0) words.Add(text[runStart..at]);
                runStart = -1;
                if (isWordCharacter) words.Add(text.Substring(at, length));
            }
            at += length;
        }
        if (runStart >= 0) words.Add(text[runStart..]);
        return words;
    }

    /// <summary>
    /// Han: U+3005–U+3006 (々 〆), CJK Unified Ideographs and Extension A (U+3400–U+4DBF, U+4E00–U+9FFF), the
    /// compatibility block (U+F900–U+FAFF, which holds a few unified ideographs) and the ideographic planes 2 and 3
    /// (U+20000–U+3FFFF, Extensions B onwards). Kana: Hiragana and Katakana (U+3040–U+30FF), Katakana Phonetic Extensions
    /// (U+31F0–U+31FF) and the Kana supplements (U+1AFF0–U+1B16F). Hangul: Jamo (U+1100–U+11FF), Jamo Extended-A
    /// (U+A960–U+A97F), Syllables and Jamo Extended-B (U+AC00–U+D7FF). Halfwidth forms and Compatibility Jamo are not
    /// listed: NFKC has already mapped them into these blocks. Only letters stand alone; punctuation here (・) separates.
    /// </summary>
    private static bool StandsAlone(Rune rune) => rune.Value switch
    {
        >= 0x3005 and <= 0x3006 or >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF => true,
        >= 0x20000 and <= 0x3FFFF => true,
        >= 0x3040 and <= 0x30FF or >= 0x31F0 and <= 0x31FF or >= 0x1AFF0 and <= 0x1B16F => true,
        >= 0x1100 and <= 0x11FF or >= 0xA960 and <= 0xA97F or >= 0xAC00 and <= 0xD7FF => true,
        _ => false,
    };
}
