using Microsoft.Playwright;
using PolicyEngage.Portal.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.Portal.Tests.Papers;

[Collection(PortalCollection.Name)]
public sealed class AuthorPagesInBothLanguagesTests(PortalSystem system, Chromium chromium)
{
    private const string ChineseTitle = "关于元宇宙用户隐私的立场";
    private const string FirstBody = "我们支持这项提案。\n运营商应每年公布报告。";
    private const string SecondBody = "我们反对这项提案。\n运营商应每季度公布报告。";

    public static TheoryData<string> Locales() => new("en-GB", "zh-CN");

    [Theory]
    [MemberData(nameof(Locales))]
    public async Task A_chinese_paper_reads_correctly_on_every_author_page_and_in_its_differences(string locale)
    {
        var reference = $"LANG-{locale}";
        var consultationId = await PaperScenes.OpenConsultationAsync(system, reference);
        var api = system.Client();
        var organisation = $"lang{locale[..2]}";
        var authorApi = await api.SignInAsync($"lang-{locale}", Roles.PolicyAuthor, org: organisation);
        var reviewerApi = await api.SignInAsync($"lang-reviewer-{locale}", Roles.Reviewer, org: "langreviewers");
        var paperId = await PaperScenes.TwoVersionsAsync(authorApi, reviewerApi, consultationId,
            new { consultationId, title = ChineseTitle, summary = "隐私、安全与用户权利。", body = FirstBody },
            new { title = ChineseTitle, summary = "隐私、安全与用户权利。", body = SecondBody });

        await using var author = await PortalVisitor.OpenAsync(chromium, system, locale);
        await author.SignInAsync($"lang-{locale}", Roles.PolicyAuthor, organisation);

        await author.GotoAsync($"/consultations/{consultationId}");
        await Assertions.Expect(author.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = ChineseTitle })).ToBeVisibleAsync();
        await author.CheckAccessibilityAsync("author-consultation-papers");
        await author.ScreenshotAsync("author-consultation-papers");

        await author.GotoAsync($"/papers/new?consultationId={consultationId}");
        await author.Page.Locator("#Body").FillAsync("中文预览：用户权利");
        await Assertions.Expect(author.Page.Locator("[data-preview-of=Body]")).ToHaveTextAsync("中文预览：用户权利");
        await author.CheckAccessibilityAsync("author-new-paper");
        await author.ScreenshotAsync("author-new-paper");

        await author.GotoAsync($"/papers/{paperId}");
        await Assertions.Expect(author.Page.Locator("h1")).ToHaveTextAsync(ChineseTitle);
        await Assertions.Expect(author.Page.Locator("main")).ToContainTextAsync("请补充数据来源。");
        var diff = author.Page.Locator(".diff");
        var added = locale == "zh-CN" ? "新增：" : "added:";
        var removed = locale == "zh-CN" ? "删除：" : "removed:";
        await Assertions.Expect(diff.Locator("del")).ToHaveTextAsync([$"[{removed} 支持]", $"[{removed} 年]"]);
        await Assertions.Expect(diff.Locator("ins")).ToHaveTextAsync([$"[{added} 反对]", $"[{added} 季度]"]);
        await author.CheckAccessibilityAsync("author-paper");
        await author.ScreenshotAsync("author-paper");

        // Choosing the versions: version 2 against itself shows no change.
        await author.Page.Locator("#from").SelectOptionAsync("2");
        await author.Page.Locator("form.compare button").ClickAsync();
        await Assertions.Expect(author.Page.Locator(".diff ins")).ToHaveCountAsync(0);
        await Assertions.Expect(author.Page.Locator(".diff")).ToContainTextAsync("我们反对这项提案。");

        await author.GotoAsync($"/papers/{paperId}/edit");
        await Assertions.Expect(author.Page.Locator("h1")).Not.ToBeEmptyAsync();
        await author.CheckAccessibilityAsync("author-edit");
        await author.ScreenshotAsync("author-edit");

        await author.GotoAsync($"/papers/{paperId}/withdraw");
        await Assertions.Expect(author.Page.Locator("main")).ToContainTextAsync(ChineseTitle);
        await author.CheckAccessibilityAsync("author-withdraw");
        await author.ScreenshotAsync("author-withdraw");

        // The reviewer's case shows the same text as submitted.
        await using var reviewer = await PortalVisitor.OpenAsync(chromium, system, locale);
        await reviewer.SignInAsync($"lang-reviewer-{locale}", Roles.Reviewer, "langreviewers");
        var caseId = await FlowSteps.OpenCaseAsync(reviewerApi, paperId, 2);
        await reviewer.GotoAsync($"/reviews/{caseId}");
        await Assertions.Expect(reviewer.Page.Locator("h1")).ToHaveTextAsync(ChineseTitle);
        await Assertions.Expect(reviewer.Page.Locator(".paper-text").Nth(1)).ToHaveTextAsync(SecondBody);
    }
}
