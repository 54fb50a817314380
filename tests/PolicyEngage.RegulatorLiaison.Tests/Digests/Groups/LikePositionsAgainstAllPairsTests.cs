using PolicyEngage.RegulatorLiaison.Digests.Groups;

namespace PolicyEngage.RegulatorLiaison.Tests.Digests.Groups;

/// <summary>
/// The fast search against the SPEC read literally: shingles as the words joined by spaces, every pair compared, like
/// pairs joined by a graph walk. Small vocabularies make shingles recur across unrelated bodies, which is where a filter
/// that skips too much would show.
/// </summary>
public sealed class LikePositionsAgainstAllPairsTests
{
    private static readonly decimal[] Thresholds = [0.3m, 0.5m, 0.56m, 0.6m, 0.7m, 0.75m, 0.8m, 0.85m, 0.9m, 1m];

    [Fact]
    public void On_three_hundred_random_corpora_the_search_finds_exactly_the_groups_of_comparing_all_pairs()
    {
        var (corpora, grouped, transitive) = (0, 0, 0);
        for (var seed = 1; seed <= 300; seed++)
        {
            var random = new Random(seed);
            var positions = Corpus(random);
            var threshold = Thresholds[random.Next(Thresholds.Length)];

            var expected = AllPairsGroups(positions, threshold);
            var actual = LikePositions.Group(positions, threshold);

            Assert.True(expected.SequenceEqual(actual.Select(Shown)), $"seed {seed}, threshold {threshold}:\nexpected {string.Join("; ", expected)}\nactual   {string.Join("; ", actual.Select(Shown))}");
            corpora++;
            if (actual.Count > 0) grouped++;
            if (actual.Any(g => (decimal)g.Similarity < threshold)) transitive++;
        }

        // Not vacuous: most corpora have groups, and some groups hold a pair joined only through others.
        Assert.Equal(300, corpora);
        Assert.InRange(grouped, 150, 300);
        Assert.InRange(transitive, 10, 300);
    }

    private static List<GroupCandidate> Corpus(Random random)
    {
        var vocabulary = new[] { "a", "b", "c", "dd", "É", "é", "ＦＦ", "ff", "中", "x1" }[..random.Next(2, 11)];
        var bodies = new List<string>();
        for (var count = random.Next(2, 30); bodies.Count < count;)
        {
            if (bodies.Count > 0 && random.Next(2) == 0)
            {
                bodies.Add(Mutated(bodies[random.Next(bodies.Count)], vocabulary, random));
                continue;
            }
            var length = random.Next(10) == 0 ? random.Next(5) : random.Next(40);
            bodies.Add(string.Join(random.Next(4) == 0 ? ", " : " ", Enumerable.Range(0, length).Select(_ => vocabulary[random.Next(vocabulary.Length)])));
        }
        return bodies.Select(body => new GroupCandidate(Guid.CreateVersion7(), $"org{random.Next(4)}", body)).ToList();
    }

    /// <summary>One to three words replaced, inserted or removed.</summary>
    private static string Mutated(string body, string[] vocabulary, Random random)
    {
        var words = body.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(words.Count + 1);
            var word = vocabulary[random.Next(vocabulary.Length)];
            switch (random.Next(3))
            {
                case 0 when at < words.Count: words[at] = word; break;
                case 1 when at < words.Count: words.RemoveAt(at); break;
                default: words.Insert(at, word); break;
            }
        }
        return string.Join(' ', words);
    }

    private static List<string> AllPairsGroups(List<GroupCandidate> positions, decimal threshold)
    {
        var shingles = positions.Select(p => ShinglesOf(BodyWords.Of(p.Body))).ToList();
        var like = positions.Select(_ => new List<int>()).ToList();
        for (var i = 0; i < positions.Count; i++)
            for (var j = i + 1; j < positions.Count; j++)
            {
                if (shingles[i].Count == 0 || shingles[j].Count == 0) continue;
                var (shared, union) = Jaccard(shingles[i], shingles[j]);
                if (shared >= threshold * union)
                {
                    like[i].Add(j);
                    like[j].Add(i);
                }
            }

        var groupOf = new int?[positions.Count];
        var groups = new List<List<int>>();
        for (var start = 0; start < positions.Count; start++)
        {
            if (groupOf[start] is not null || shingles[start].Count == 0) continue;
            var members = new List<int> { start };
            groupOf[start] = groups.Count;
            for (var next = 0; next < members.Count; next++)
                foreach (var neighbour in like[members[next]].Where(n => groupOf[n] is null))
                {
                    groupOf[neighbour] = groups.Count;
                    members.Add(neighbour);
                }
            members.Sort();
            groups.Add(members);
        }

        return groups.Where(members => members.Count > 1).OrderBy(members => members[0]).Select(members =>
        {
            var lowest = 1m;
            foreach (var i in members)
                foreach (var j in members.Where(j => j > i))
                {
                    var (shared, union) = Jaccard(shingles[i], shingles[j]);
                    lowest = Math.Min(lowest, (decimal)shared / union);
                }
            var organisations = members.Select(m => positions[m].Organisation).Distinct(StringComparer.Ordinal);
            return Shown(members.Select(m => positions[m].PaperId), organisations, (double)Math.Round(lowest, 4, MidpointRounding.AwayFromZero));
        }).ToList();
    }

    private static HashSet<string> ShinglesOf(IReadOnlyList<string> words) =>
        words.Count < 5
            ? words.Count == 0 ? [] : [string.Join(' ', words)]
            : Enumerable.Range(0, words.Count - 4).Select(i => string.Join(' ', words.Skip(i).Take(5))).ToHashSet(StringComparer.Ordinal);

    private static (int Shared, int Union) Jaccard(HashSet<string> first, HashSet<string> second)
    {
        var shared = first.Count(second.Contains);
        return (shared, first.Count + second.Count - shared);
    }

    private static string Shown(DigestGroup group) => Shown(group.PaperIds, group.Organisations, group.Similarity);

    private static string Shown(IEnumerable<Guid> paperIds, IEnumerable<string> organisations, double similarity) =>
        $"[{string.Join(",", paperIds)}] [{string.Join(",", organisations)}] {similarity}";
}
