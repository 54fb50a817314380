using PolicyEngage.RegulatorLiaison.Digests.Groups;

namespace PolicyEngage.Digests.Benchmarks;

/// <summary>
/// Consultation answers of 300–1,500 words drawn Zipf-like from 4,000 made-up words, in sentences, many opening and
/// closing with the same stock phrases; a tenth of them copies of an earlier answer with a few words edited (0.2–2%),
/// as a campaign or a re-sent paper would be. The same seed gives the same corpus.
/// </summary>
internal static class PositionCorpus
{
    private const int VocabularySize = 4_000;

    private static readonly string[] StockPhrases =
    [
        "We welcome the opportunity to respond to this consultation.",
        "Thank you for considering our views on these proposals.",
        "Please do not hesitate to contact us if you would like to discuss any of the points raised.",
        "This response is submitted on behalf of our members.",
    ];

    public static List<GroupCandidate> Of(int count, int seed)
    {
        var random = new Random(seed);
        var vocabulary = Vocabulary(random);
        var cumulative = ZipfCumulative();
        var positions = new List<GroupCandidate>(count);
        while (positions.Count < count)
        {
            var body = positions.Count > 0 && random.Next(10) == 0
                ? Edited(positions[random.Next(positions.Count)].Body, vocabulary, random)
                : Answer(random, vocabulary, cumulative);
            positions.Add(new GroupCandidate(Guid.CreateVersion7(), $"Organisation {random.Next(count / 2 + 1)}", body));
        }
        return positions;
    }

    private static string[] Vocabulary(Random random)
    {
        string[] syllables = ["ba", "re", "ti", "lo", "mu", "sa", "ne", "ko", "di", "fa", "pe", "ru", "go", "vi", "la", "to", "mi", "ser", "ion", "al"];
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < VocabularySize)
            words.Add(string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => syllables[random.Next(syllables.Length)])));
        return words.ToArray();
    }

    private static double[] ZipfCumulative()
    {
        var cumulative = new double[VocabularySize];
        var total = 0.0;
        for (var rank = 0; rank < VocabularySize; rank++) cumulative[rank] = total += 1.0 / (rank + 1);
        for (var rank = 0; rank < VocabularySize; rank++) cumulative[rank] /= total;
        return cumulative;
    }

    private static string Answer(Random random, string[] vocabulary, double[] cumulative)
    {
        var text = new List<string>();
        if (random.Next(3) > 0) text.Add(StockPhrases[random.Next(2)]);
        for (int words = 0, length = random.Next(300, 1_501); words < length;)
        {
            var sentence = Enumerable.Range(0, Math.Min(random.Next(6, 25), length - words))
                .Select(_ => vocabulary[ZipfRank(random, cumulative)]).ToArray();
            sentence[0] = char.ToUpperInvariant(sentence[0][0]) + sentence[0][1..];
            text.Add(string.Join(' ', sentence) + (random.Next(5) == 0 ? "," : "."));
            words += sentence.Length;
        }
        if (random.Next(3) > 0) text.Add(StockPhrases[2 + random.Next(2)]);
        return string.Join(' ', text);
    }

    private static int ZipfRank(Random random, double[] cumulative)
    {
        var rank = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(rank < 0 ? ~rank : rank, cumulative.Length - 1);
    }

    private static string Edited(string body, string[] vocabulary, Random random)
    {
        var words = body.Split(' ').ToList();
        for (var edits = Math.Max(1, words.Count * random.Next(2, 21) / 1_000); edits > 0; edits--)
        {
            var at = random.Next(words.Count);
            switch (random.Next(3))
            {
                case 0: words[at] = vocabulary[random.Next(vocabulary.Length)]; break;
                case 1: words.RemoveAt(at); break;
                default: words.Insert(at, vocabulary[random.Next(vocabulary.Length)]); break;
            }
        }
        return string.Join(' ', words);
    }
}
