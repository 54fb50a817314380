using PolicyEngage.RegulatorLiaison.Digests.Groups;

namespace PolicyEngage.RegulatorLiaison.Tests.Digests.Groups;

public sealed class BodyWordsTests
{
    [Fact]
    public void Words_are_runs_of_letters_and_digits_and_everything_else_separates()
    {
        Assert.Equal(["we", "support", "article", "12", "b", "don", "t", "delay", "2026"],
            BodyWords.Of("We support Article 12(b)... don't — delay! (2026)"));
    }

    [Fact]
    public void Words_are_lower_cased_invariantly()
    {
        Assert.Equal(["école", "straße", "σίσυφοσ"], BodyWords.Of("ÉCOLE Straße ΣΊΣΥΦΟΣ"));
    }

    [Fact]
    public void Full_width_letters_ligatures_and_superscripts_read_as_their_NFKC_forms()
    {
        Assert.Equal(["policy", "finance", "m2", "xii"], BodyWords.Of("ＰＯＬＩＣＹ ﬁnance m² Ⅻ"));
    }

    [Fact]
    public void A_letter_and_its_combining_accent_are_one_letter_after_NFKC()
    {
        Assert.Equal(["café"], BodyWords.Of("cafe\u0301"));
    }

    [Fact]
    public void Each_Chinese_character_is_a_word_of_its_own()
    {
        Assert.Equal(["我", "们", "支", "持", "这", "项", "提", "案"], BodyWords.Of("我们支持这项提案。"));
    }

    [Fact]
    public void Each_Japanese_kana_and_kanji_is_a_word_of_its_own_and_halfwidth_katakana_is_made_fullwidth()
    {
        Assert.Equal(["提", "案", "に", "賛", "成", "カ", "ナ", "ー"], BodyWords.Of("提案に賛成・ｶﾅｰ"));
    }

    [Fact]
    public void Each_Hangul_syllable_is_a_word_of_its_own()
    {
        Assert.Equal(["제", "안", "에", "찬", "성", "합", "니", "다"], BodyWords.Of("제안에 찬성합니다."));
    }

    [Fact]
    public void A_Han_character_outside_the_basic_plane_is_one_word_and_Latin_around_CJK_stays_whole()
    {
        Assert.Equal(["gdpr", "第", "𠀀", "条", "article5"], BodyWords.Of("GDPR第𠀀条article5"));
    }

    [Fact]
    public void A_body_of_spaces_and_punctuation_has_no_words()
    {
        Assert.Empty(BodyWords.Of(" \t\n—!?… ・、"));
    }
}
