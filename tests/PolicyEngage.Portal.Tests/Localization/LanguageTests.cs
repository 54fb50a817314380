using Microsoft.Playwright;
using PolicyEngage.Portal.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.Portal.Tests.Localization;

/// <summary>The browser's language chooses the portal's; the switch on every page overrides it and is remembered.</summary>
[Collection(PortalCollection.Name)]
public sealed class LanguageTests(PortalSystem system, Chromium chromium)
{
    [Fact]
    public async Task A_chinese_browser_reads_the_portal_in_chinese_with_dates_in_its_own_form_and_the_switch_brings_english_to_the_same_page()
    {
        var liaison = await system.Client().SignInAsync("lang-liaison", Roles.LiaisonOfficer);
        var regulator = await FlowSteps.RegisterRegulatorAsync(liaison, "国家网信办", "CN");
        var closesAt = new DateTime(DateTime.UtcNow.Year + 1, 3, 15, 4, 30, 0, DateTimeKind.Utc);
        var consultation = await FlowSteps.OpenConsultationAsync(liaison, regulator, $"CAC-{Guid.NewGuid():N}"[..12], closesAt);

        await using var reader = await PortalVisitor.OpenAsync(chromium, system, "zh-CN");
        await reader.SignInAsync("lang-author", Roles.PolicyAuthor, organisation: "acme");
        await reader.GotoAsync($"/consultations/{consultation}");

        Assert.Equal("zh-Hans", await reader.Page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("截止时间", await reader.Page.Locator("dt").Nth(2).InnerTextAsync());
        // Shanghai is UTC+8: 04:30 UTC is 12:30 there, written the Chinese way.
        var deadline = await reader.Page.Locator(".deadline time").InnerTextAsync();
        Assert.Contains($"{closesAt.Year}年3月15日", deadline, StringComparison.Ordinal);
        Assert.Contains("12:30", deadline, StringComparison.Ordinal);
        Assert.Contains("天", await reader.Page.Locator(".deadline strong").InnerTextAsync(), StringComparison.Ordinal);
        await reader.CheckAccessibilityAsync("consultation");

        await reader.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "English", Exact = true }).ClickAsync();

        await Assertions.Expect(reader.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        Assert.EndsWith($"/consultations/{consultation}", reader.Page.Url, StringComparison.Ordinal);
        Assert.Equal("Deadline", await reader.Page.Locator("dt").Nth(2).InnerTextAsync());
        var englishDeadline = await reader.Page.Locator(".deadline time").InnerTextAsync();
        Assert.Contains("March", englishDeadline, StringComparison.Ordinal);
        Assert.Contains(closesAt.Year.ToString(), englishDeadline, StringComparison.Ordinal);
        // Remembered over the browser's own preference on the next page.
        await reader.GotoAsync("/consultations");
        Assert.Equal("Consultations", await reader.Page.Locator("h1").InnerTextAsync());
        Assert.Equal(1, await reader.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "中文", Exact = true }).CountAsync());
    }

    [Fact]
    public async Task The_switch_never_sends_a_reader_to_another_site()
    {
        await using var reader = await PortalVisitor.OpenAsync(chromium, system);
        await reader.SignInAsync("lang-reader", Roles.Auditor);
        await reader.GotoAsync("/consultations");

        // The form's return address, rewritten as a forger would.
        await reader.Page.Locator("form[action='/culture'] input[name=returnUrl]").EvaluateAsync("input => input.value = 'https://evil.example/'");
        await reader.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "中文", Exact = true }).ClickAsync();

        await Assertions.Expect(reader.Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
        Assert.StartsWith(system.PortalAddress, reader.Page.Url, StringComparison.Ordinal);
    }
}
