using Microsoft.AspNetCore.Http;
using PolicyEngage.Portal.Localization;

namespace PolicyEngage.Portal.Tests.Localization;

public sealed class ChineseScriptRequestCultureProviderTests
{
    [Theory]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", "zh-Hans", "zh-CN")]
    [InlineData("zh", "zh-Hans", "zh-Hans")]
    [InlineData("zh-SG", "zh-Hans", "zh-SG")]
    [InlineData("zh-Hans-CN", "zh-Hans", "zh-Hans-CN")]
    [InlineData("fr-FR,zh-CN;q=0.5", "zh-Hans", "zh-CN")]
    [InlineData("en-GB,zh-CN;q=0.8", null, null)]
    [InlineData("zh-CN;q=0.4,en;q=0.9", null, null)]
    [InlineData("zh-TW", null, null)]
    [InlineData("zh-Hant-HK", null, null)]
    [InlineData("zh-CN;q=0", null, null)]
    [InlineData("", null, null)]
    public async Task Reads_a_chinese_tag_as_simplified_chinese_only_when_the_reader_ranks_it_above_english(string header, string? words, string? formats)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptLanguage = header;

        var result = await new ChineseScriptRequestCultureProvider().DetermineProviderCultureResult(context);

        Assert.Equal((words, formats), (result?.UICultures.Single().Value, result?.Cultures.Single().Value));
    }
}
