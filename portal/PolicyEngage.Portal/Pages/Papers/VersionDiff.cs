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
/// of it. White space travels with the word before it and is not compared: a blank shared by chance would otherwise
/// anchor the comparison and cut one change into many; a change of spacing alone is therefore not shown.
/// </summary>
public static class VersionDiff
{
    public static IReadOnlyList<DiffSegment> Between(string older, string newer)
    {
        var result = Differ.Instance.CreateDiffs(older, newer, ignoreWhiteSpace: true, ignoreCase: false, new ReadableChunker());
        var segments = new List<DiffSegment>();
        var nextNew = 0;
        foreach (var block in result.DiffBlocks)
        {
            Append(segments, DiffKind.Same, Join(result.PiecesNew, nextNew, block.InsertStartB - nextNew));
            var removed = Join(result.PiecesOld, block.DeleteStartA, block.DeleteCountA);
            var added = Join(result.PiecesNew, block.InsertStartB, block.InsertCountB);
            // "<del>yearly</del><ins>quarterly</ins> reports", not "<del>yearly </del><ins>quarterly </ins>reports".
            var addedCore = added.TrimEnd();
            if (addedCore.Length < added.Length) removed = removed.TrimEnd();
            Append(segments, DiffKind.Removed, removed);
            Append(segments, DiffKind.Added, addedCore);
            Append(segments, DiffKind.Same, added[addedCore.Length..]);
            nextNew = block.InsertStartB + block.InsertCountB;
        }
        Append(segments, DiffKind.Same, Join(result.PiecesNew, nextNew, result.PiecesNew.Count - nextNew));
        return segments;
    }

    private static string Join(IReadOnlyList<string> pieces, int start, int count)
    {
        var text = new StringBuilder();
        for (var i = start; i < start + count; i++) text.Append(pieces[i]);
        return text.ToString();
    }

    /// <summary>Consecutive text of one kind becomes one segment, so the page shows "<del>two words</del>", not two.</summary>
    private static void Append(List<DiffSegment> segments, DiffKind kind, string text)
    {
        if (text.Length == 0) return;
        if (segments.Count > 0 && segments[^1].Kind == kind) segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        else segments.Add(new DiffSegment(kind, text));
    }

    /// <summary>Words, single punctuation marks and single characters of unspaced scripts, each with the white space after it.</summary>
    private sealed class ReadableChunker : IChunker
    {
        public IReadOnlyList<string> Chunk(string text)
        {
            var chunks = new List<string>();
            var start = 0;
            ChunkClass? current = null;
            var spaced = false;
            var elements = StringInfo.GetTextElementEnumerator(text);
            while (elements.MoveNext())
            {
                var kind = ClassOf((string)elements.Current);
                if (kind == ChunkClass.Space)
                {
                    spaced = true;
                    continue;
                }
                // A word goes on until a space or another kind of character; every other character stands alone.
                if (current is not null && (spaced || kind != current || kind is ChunkClass.Unspaced or ChunkClass.Mark))
                {
                    chunks.Add(text[start..elements.ElementIndex]);
                    start = elements.ElementIndex;
                }
                current = kind;
                spaced = false;
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
