using System.Text.RegularExpressions;
using System.Xml.Linq;
using PolicyEngage.Testing;

namespace PolicyEngage.Portal.Tests.Localization;

/// <summary>
/// Every string a page shows in English has its Simplified Chinese in the resource files: a view's own words in
/// <c>Resources/&lt;view path&gt;.zh-Hans.resx</c> (<c>L["…"]</c>), the shared ones in SharedText's (<c>S["…"]</c> in
/// views, <c>text["…"]</c> in code).
/// </summary>
public sealed partial class TranslationTests
{
    private static readonly string Portal = Path.Combine(RepositoryRoot.Path, "portal", "PolicyEngage.Portal");
    private static readonly string Shared = Path.Combine(Portal, "Resources", "Localization", "SharedText.zh-Hans.resx");

    public static TheoryData<string> Views() => new(Directory.EnumerateFiles(Path.Combine(Portal, "Pages"), "*.cshtml", SearchOption.AllDirectories)
        .Select(view => Path.GetRelativePath(Portal, view)));

    [Theory]
    [MemberData(nameof(Views))]
    public void Every_string_of_a_view_has_its_chinese(string view)
    {
        var source = File.ReadAllText(Path.Combine(Portal, view));
        var own = ViewKey().Matches(source).Select(Key).Distinct().ToList();
        var shared = SharedKey().Matches(source).Select(Key).Distinct().ToList();

        var resx = Path.Combine(Portal, "Resources", Path.ChangeExtension(view, null) + ".zh-Hans.resx");
        var translated = own.Count == 0 ? [] : Entries(resx);
        Assert.Empty(own.Where(key => !translated.ContainsKey(key)).Select(key => $"{resx}: {key}"));
        Assert.Empty(shared.Where(key => !Entries(Shared).ContainsKey(key)).Select(key => $"SharedText: {key}"));
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void A_view_s_resource_file_holds_only_what_the_view_says(string view)
    {
        var resx = Path.Combine(Portal, "Resources", Path.ChangeExtension(view, null) + ".zh-Hans.resx");
        if (!File.Exists(resx)) return;
        var used = ViewKey().Matches(File.ReadAllText(Path.Combine(Portal, view))).Select(Key).ToHashSet();

        var unused = Entries(resx).Keys.Where(key => !used.Contains(key)).ToList();
        Assert.True(unused.Count == 0, $"{resx} translates what the view no longer says: {string.Join(" | ", unused)}");
    }

    [Fact]
    public void Every_shared_string_the_code_asks_for_has_its_chinese()
    {
        var asked = Directory.EnumerateFiles(Portal, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => CodeKey().Matches(File.ReadAllText(file)).Select(Key))
            .Distinct()
            .ToList();

        Assert.NotEmpty(asked);
        var missing = asked.Where(key => !Entries(Shared).ContainsKey(key)).ToList();
        Assert.True(missing.Count == 0, $"SharedText lacks: {string.Join(" | ", missing)}");
    }

    [Fact]
    public void No_translation_is_empty_or_left_in_english()
    {
        foreach (var resx in Directory.EnumerateFiles(Path.Combine(Portal, "Resources"), "*.resx", SearchOption.AllDirectories))
        {
            // English is the key; the one neutral file gives the API's codes (PolicyAuthor, ChangesRequested) their English words.
            if (resx.EndsWith("SharedText.resx", StringComparison.Ordinal)) continue;
            Assert.EndsWith(".zh-Hans.resx", resx, StringComparison.Ordinal);
            foreach (var (key, value) in Entries(resx))
            {
                Assert.False(string.IsNullOrWhiteSpace(value), $"{resx}: '{key}' is empty");
                // A sentence kept in English is an untranslated one; names (PolicyEngage, Webhook, PDF) may stay.
                Assert.True(key.Length < 12 || value != key, $"{resx}: '{key}' is not translated");
            }
        }
    }

    private static Dictionary<string, string> Entries(string resx) =>
        File.Exists(resx)
            ? XDocument.Load(resx).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "")
            : [];

    private static string Key(Match match) => Regex.Unescape(match.Groups["key"].Value);

    [GeneratedRegex("""(?<![A-Za-z0-9_])L\["(?<key>(?:[^"\\]|\\.)*)"\s*[,\]]""")]
    private static partial Regex ViewKey();

    [GeneratedRegex("""(?<![A-Za-z0-9_])S\["(?<key>(?:[^"\\]|\\.)*)"\s*[,\]]""")]
    private static partial Regex SharedKey();

    [GeneratedRegex("""(?<![A-Za-z0-9_])text\["(?<key>(?:[^"\\]|\\.)*)"\s*[,\]]""")]
    private static partial Regex CodeKey();
}
