using PolicyEngage.RegulatorLiaison.Digests.Groups;
using static PolicyEngage.RegulatorLiaison.Tests.Digests.Groups.Bodies;

namespace PolicyEngage.RegulatorLiaison.Tests.Digests.Groups;

public sealed class LikePositionsTests
{
    private static readonly string Base = DistinctWords(54);

    private static GroupCandidate Position(string body, string organisation = "acme") => new(Guid.CreateVersion7(), organisation, body);

    private static IReadOnlyList<DigestGroup> Groups(decimal threshold, params GroupCandidate[] positions) => LikePositions.Group(positions, threshold);

    [Fact]
    public void Near_duplicates_are_grouped_with_their_Jaccard_similarity()
    {
        var original = Position(Base, "acme");
        var edited = Position(Replaced(Base, 25), "beta");

        var group = Assert.Single(Groups(0.8m, original, edited));

        // 50 shingles each; the edit replaces the 5 that hold word 25: 45 shared of 55 in all, 9/11 = 0.81818…
        Assert.Equal([original.PaperId, edited.PaperId], group.PaperIds);
        Assert.Equal(["acme", "beta"], group.Organisations);
        Assert.Equal(0.8182, group.Similarity);
    }

    [Fact]
    public void Bodies_below_the_threshold_are_not_grouped()
    {
        // Two edits: 40 shared of 60, 0.667.
        var twiceEdited = Replaced(Replaced(Base, 10), 40);
        var reworded = "We oppose the proposal, because avatars should never process biometric data without explicit consent.";
        var paraphrased = "Because avatars ought not to handle biometric data unless people explicitly consent, we are against the proposal.";

        Assert.Empty(Groups(0.8m, Position(Base), Position(twiceEdited), Position(reworded), Position(paraphrased)));
    }

    [Theory]
    [InlineData("0.8", 9, 8)] // 5 shingles and the first 4 of them: 4/5
    [InlineData("0.56", 29, 18)] // 25 and 14: 14/25, where 0.56 × 25 is 14.000000000000002 in binary floating point
    [InlineData("1", 30, 30)]
    public void A_pair_exactly_at_the_threshold_is_grouped(string threshold, int words, int prefixWords)
    {
        var whole = DistinctWords(words);

        var group = Assert.Single(Groups(decimal.Parse(threshold), Position(whole), Position(FirstWords(whole, prefixWords))));

        Assert.Equal((double)decimal.Parse(threshold), group.Similarity);
    }

    [Fact]
    public void Like_pairs_join_transitively_and_the_group_shows_its_least_like_pair()
    {
        var a = Position(Base);
        var b = Position(Replaced(Base, 10));
        var c = Position(Replaced(Replaced(Base, 10), 40));

        var group = Assert.Single(Groups(0.8m, c, a, b));

        // a~b and b~c are 45/55; a and c differ in two words, 40/60 = 0.6666…, below the threshold but in the group.
        Assert.Equal([c.PaperId, a.PaperId, b.PaperId], group.PaperIds);
        Assert.Equal(0.6667, group.Similarity);
    }

    [Theory]
    [InlineData("我们支持这项提案但是希望延长过渡期限", "我 们 支 持 这 项 提 案 但 是 希 望 延 长 过 渡 期 限")]
    [InlineData("私たちはこの提案に賛成しますが移行期間の延長を望みます", "私 た ち は こ の 提 案 に 賛 成 し ま す が 移 行 期 間 の 延 長 を 望 み ま す")]
    [InlineData("우리는이제안에찬성하지만전환기간연장을원합니다", "우 리 는 이 제 안 에 찬 성 하 지 만 전 환 기 간 연 장 을 원 합 니 다")]
    public void CJK_text_is_compared_one_character_per_word(string unspaced, string spaced)
    {
        var group = Assert.Single(Groups(0.8m, Position(unspaced), Position(spaced), Position("我们反对这项提案并且要求重新咨询公众意见")));

        Assert.Equal(2, group.PaperIds.Count);
        Assert.Equal(1, group.Similarity);
    }

    [Fact]
    public void Full_width_text_is_the_same_as_ASCII_and_case_does_not_count()
    {
        var ascii = Position("We support the proposal to limit biometric data in avatars.");
        var fullWidth = Position("Ｗｅ ｓｕｐｐｏｒｔ ｔｈｅ ｐｒｏｐｏｓａｌ ｔｏ ｌｉｍｉｔ ｂｉｏｍｅｔｒｉｃ ｄａｔａ ｉｎ ａｖａｔａｒｓ．");
        var shouted = Position("WE SUPPORT THE PROPOSAL TO LIMIT BIOMETRIC DATA IN AVATARS!");

        var group = Assert.Single(Groups(0.8m, ascii, fullWidth, shouted));

        Assert.Equal([ascii.PaperId, fullWidth.PaperId, shouted.PaperId], group.PaperIds);
        Assert.Equal(1, group.Similarity);
    }

    [Fact]
    public void A_body_of_fewer_than_five_words_is_one_shingle_so_only_the_same_words_group_it()
    {
        var agreed = Position("Agreed.");
        var agreedToo = Position("AGREED!");
        var fullyAgreed = Position("Agreed, fully agreed");
        var fullyAgreedToo = Position("agreed fully agreed");
        var longer = Position("Agreed, fully agreed, with no reservations");

        var groups = Groups(0.5m, agreed, fullyAgreed, longer, agreedToo, fullyAgreedToo);

        Assert.Equal([[agreed.PaperId, agreedToo.PaperId], [fullyAgreed.PaperId, fullyAgreedToo.PaperId]], groups.Select(g => g.PaperIds));
    }

    [Fact]
    public void A_body_without_words_is_never_grouped_not_even_with_another_empty_one()
    {
        var groups = Groups(0.8m, Position(""), Position(""), Position("  —!?  "), Position(Base), Position("…"), Position(Base));

        var group = Assert.Single(groups);
        Assert.Equal(2, group.PaperIds.Count);
    }

    [Fact]
    public void Groups_and_their_members_follow_the_input_order()
    {
        // The short bodies are met first by the search, which goes by size; the answer still goes by position.
        var longBody = DistinctWords(80, "long");
        var shortBody = DistinctWords(20, "short");
        var positions = new[]
        {
            Position(DistinctWords(60, "alone")), Position(longBody), Position(shortBody), Position(Replaced(longBody, 30)),
            Position(shortBody), Position(shortBody),
        };

        var groups = LikePositions.Group(positions, 0.8m);

        Assert.Equal([[positions[1].PaperId, positions[3].PaperId], [positions[2].PaperId, positions[4].PaperId, positions[5].PaperId]],
            groups.Select(g => g.PaperIds));
    }

    [Fact]
    public void A_groups_organisations_are_the_distinct_ones_in_member_order_compared_ordinally()
    {
        var group = Assert.Single(Groups(0.8m, Position(Base, "acme"), Position(Base, "Acme"), Position(Base, "acme"), Position(Base, "beta"), Position(Base, "Acme")));

        Assert.Equal(["acme", "Acme", "beta"], group.Organisations);
    }

    [Fact]
    public void The_similarity_is_rounded_half_away_from_zero_to_four_decimals_from_the_exact_fraction()
    {
        // 164 words make 160 shingles, their first 137 words 133 of them: 133/160 = 0.83125 exactly (no double holds it).
        var whole = DistinctWords(164);

        var group = Assert.Single(Groups(0.8m, Position(whole), Position(FirstWords(whole, 137))));

        Assert.Equal(0.8313, group.Similarity);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.1")]
    [InlineData("1.0001")]
    public void A_threshold_outside_zero_to_one_is_refused(string threshold)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Groups(decimal.Parse(threshold), Position(Base), Position(Base)));
    }

    [Fact]
    public void A_campaign_letter_sent_by_many_is_one_group_compared_once_not_once_per_pair_of_senders()
    {
        var letter = DistinctWords(300, "campaign");
        var positions = Enumerable.Range(0, 1_000).Select(i => Position(i % 2 == 0 ? letter : letter.ToUpperInvariant(), $"sender{i}")).ToList();

        var search = LikePositions.Search(positions, 0.8m);

        var group = Assert.Single(search.Groups);
        Assert.Equal(positions.Select(p => p.PaperId), group.PaperIds);
        Assert.Equal(1, group.Similarity);
        Assert.Equal(0, search.PairsVerified);
    }

    [Fact]
    public void The_search_verifies_a_small_share_of_all_pairs_on_unlike_bodies()
    {
        var random = new Random(7);
        var positions = Enumerable.Range(0, 400)
            .Select(_ => Position(string.Join(' ', Enumerable.Range(0, 200).Select(_ => $"word{random.Next(3_000)}"))))
            .ToList();

        var search = LikePositions.Search(positions, 0.8m);

        Assert.Empty(search.Groups);
        Assert.InRange(search.PairsVerified, 0, 400 * 399 / 2 / 100);
    }
}
