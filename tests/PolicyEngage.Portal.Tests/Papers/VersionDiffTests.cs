using PolicyEngage.Portal.Pages.Papers;

namespace PolicyEngage.Portal.Tests.Papers;

public sealed class VersionDiffTests
{
    private static string Render(IEnumerable<DiffSegment> segments) => string.Concat(segments.Select(s => s.Kind switch
    {
        DiffKind.Added => $"{{+{s.Text}+}}",
        DiffKind.Removed => $"[-{s.Text}-]",
        _ => s.Text,
    }));

    [Fact]
    public void Identical_texts_are_one_unchanged_segment()
    {
        var segments = VersionDiff.Between("Same words here.", "Same words here.");

        Assert.Equal([new DiffSegment(DiffKind.Same, "Same words here.")], segments);
    }

    [Fact]
    public void A_changed_word_is_marked_whole_not_letter_by_letter()
    {
        var segments = VersionDiff.Between("Operators must publish yearly reports.", "Operators must publish quarterly reports.");

        Assert.Equal("Operators must publish [-yearly-]{+quarterly+} reports.", Render(segments));
    }

    [Fact]
    public void Neighbouring_changed_words_join_into_one_removal_and_one_addition()
    {
        var segments = VersionDiff.Between("We support the proposal fully.", "We oppose this plan fully.");

        Assert.Equal("We [-support the proposal-]{+oppose this plan+} fully.", Render(segments));
    }

    [Fact]
    public void Punctuation_is_a_change_of_its_own()
    {
        Assert.Equal("Agreed[-.-]{+!+}", Render(VersionDiff.Between("Agreed.", "Agreed!")));
    }

    [Fact]
    public void Han_text_is_compared_character_by_character()
    {
        var segments = VersionDiff.Between("我们支持这项提案。", "我们反对这项提案。");

        Assert.Equal("我们[-支持-]{+反对+}这项提案。", Render(segments));
    }

    [Fact]
    public void Mixed_chinese_and_latin_text_keeps_latin_words_whole()
    {
        var segments = VersionDiff.Between("元宇宙 privacy 标准草案", "元宇宙 security 标准终稿");

        Assert.Equal("元宇宙 [-privacy-]{+security+} 标准[-草案-]{+终稿+}", Render(segments));
    }

    [Fact]
    public void Characters_outside_the_basic_plane_are_never_split()
    {
        var segments = VersionDiff.Between("𠀀字", "𠀁字");

        Assert.Equal("[-𠀀-]{+𠀁+}字", Render(segments));
    }

    [Fact]
    public void Added_text_at_the_end_and_removed_text_at_the_start_are_marked()
    {
        Assert.Equal("[-Draft: -]Position {+paper+}", Render(VersionDiff.Between("Draft: Position", "Position paper")));
    }

    [Fact]
    public void From_empty_everything_is_added_and_to_empty_everything_removed()
    {
        Assert.Equal("{+New text+}", Render(VersionDiff.Between("", "New text")));
        Assert.Equal("[-Old text-]", Render(VersionDiff.Between("Old text", "")));
    }

    [Fact]
    public void A_space_shared_by_chance_does_not_cut_a_change_in_pieces()
    {
        Assert.Equal("One [-two three-]{+four five+} six", Render(VersionDiff.Between("One two three six", "One four five six")));
    }

    [Fact]
    public void Line_breaks_are_kept_in_the_segments()
    {
        var segments = VersionDiff.Between("one\ntwo", "one\nthree");

        Assert.Equal("one\n[-two-]{+three+}", Render(segments));
    }
}
