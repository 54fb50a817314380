using System.Globalization;
using System.Text;
using DiffPlex;

namespace PolicyEngage.Portal.Pages.Papers;

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

/// <summary>A run of text the two versions share, or that one of them alone has.</summary>
public sealed record DiffSegment(DiffKind Kind, string Text);

/// <summary>
/// The differences between two texts, word by word. Scripts written without spaces (Han, kana, Hangul) are compared
/// character by character, since a "word" there would be a whole sentence and a one-character change would mark all
/// of it.
/// </summary>
public static class VersionDiff
{
    public static IReadOnlyList<DiffSegment> Between(string older, string newer)
    {
        var result = Differ.Instance.CreateDiffs(older, newer, ignoreWhiteSpace: false, ignoreCase: false, new ReadableChunker());
        var segments = new List<DiffSegment>();
        var nextNew = 0;
        foreach (var block in result.DiffBlocks)
        {
            Append(segments, DiffKind.Same, result.PiecesNew, nextNew, block.InsertStartB - nextNew);
            Append(segments, DiffKind.Removed, result.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            Append(segments, DiffKind.Added, result.PiecesNew, block.InsertStartB, block.InsertCountB);
            nextNew = block.InsertStartB + block.InsertCountB;
        }
        Append(segments, DiffKind.Same, result.PiecesNew, nextNew, result.PiecesNew.Count - nextNew);
        return segments;
    }

    /// <summary>Consecutive pieces of one kind become one segment, so the page shows "<del>two words</del>", not two.</summary>
    private static void Append(List<DiffSegment> segments, DiffKind kind, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count <= 0) return;
        var text = new StringBuilder();
        for (var i = start; i < start + count; i++) text.Append(pieces[i]);
        if (segments.Count > 0 && segments[^1].Kind == kind) segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        else segments.Add(new DiffSegment(kind, text.ToString()));
    }

    /// <summary>Words, runs of white space, single punctuation marks, and single characters of unspaced scripts.</summary>
    private sealed class ReadableChunker : IChunker
    {
        public IReadOnlyList<string> Chunk(string text)
        {
            var chunks = new List<string>();
            var start = 0;
            var enumerator = StringInfo.GetTextElementEnumerator(text);
            ChunkClass? current = null;
            while (enumerator.MoveNext())
            {
                var element = (string)enumerator.Current;
                var kind = ClassOf(element);
                var index = enumerator.ElementIndex;
                // A word or a white-space run continues; every other element stands alone.
                if (current is null || kind != current || kind is ChunkClass.Unspaced or ChunkClass.Mark)
                {
                    if (index > start) chunks.Add(text[start..index]);
                    start = index;
                }
                current = kind;
            }
            if (text.Length > start) chunks.Add(text[start..]);
            return chunks;
        }

        private static ChunkClass ClassOf(string element)
        {
            var rune = Rune.GetRuneAt(element, 0);
            if (Rune.IsWhiteSpace(rune)) return ChunkClass.Space;
            if (IsUnspacedScript(rune.Value)) return ChunkClass.Unspaced;
            return Rune.IsLetterOrDigit(rune) ? ChunkClass.Word : ChunkClass.Mark;
        }

        /// <summary>Han (with its extensions and compatibility forms), kana, Hangul, and the CJK punctuation and full-width forms.</summary>
        private static bool IsUnspacedScript(int code) => code is
            (>= 0x2E80 and <= 0x2FDF) or (>= 0x3000 and <= 0x30FF) or (>= 0x3100 and <= 0x31FF) or (>= 0x3400 and <= 0x4DBF)
            or (>= 0x4E00 and <= 0x9FFF) or (>= 0xAC00 and <= 0xD7AF) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFF00 and <= 0xFFEF)
            or (>= 0x20000 and <= 0x3134F);
    }

    private enum ChunkClass
    {
        Space,
        Word,
        Mark,
        Unspaced,
    }
}
