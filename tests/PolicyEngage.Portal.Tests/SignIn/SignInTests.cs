using System.Net;
using Microsoft.Playwright;
using PolicyEngage.Portal.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Portal.Tests.SignIn;

[Collection(PortalCollection.Name)]
public sealed class SignInTests(PortalSystem system, Chromium chromium)
{
    [Fact]
    public async Task The_development_sign_in_has_the_fields_the_spec_names_and_is_accessible_in_both_languages()
    {
        await using var english = await PortalVisitor.OpenAsync(chromium, system);
        await english.GotoAsync("/signin");

        foreach (var label in new[] { "Subject", "Role", "Organisation", "Regulator", "E-mail" })
            Assert.Equal(1, await english.Page.GetByLabel(label, new PageGetByLabelOptions { Exact = true }).CountAsync());
        Assert.Equal(1, await english.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in", Exact = true }).CountAsync());
        await english.CheckAccessibilityAsync("signin");
        await english.ScreenshotAsync("signin");

        await using var chinese = await PortalVisitor.OpenAsync(chromium, system, "zh-CN");
        await chinese.GotoAsync("/signin");
        Assert.Equal("zh-Hans", await chinese.Page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(1, await chinese.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "登录", Exact = true }).CountAsync());
        await chinese.CheckAccessibilityAsync("signin");
    }

    [Fact]
    public async Task A_page_asked_for_before_signing_in_comes_after_it()
    {
        await using var author = await PortalVisitor.OpenAsync(chromium, system);
        await author.GotoAsync("/consultations");
        Assert.Contains("/signin", author.Page.Url, StringComparison.Ordinal);

        await author.Page.Locator("#Subject").FillAsync("ann");
        await author.Page.Locator("#Role").SelectOptionAsync(Roles.PolicyAuthor);
        await author.Page.Locator("#Organisation").FillAsync("acme");
        await author.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in", Exact = true }).ClickAsync();

        await author.Page.ArriveAtAsync(url => url.EndsWith("/consultations", StringComparison.Ordinal), "the consultations list");
        Assert.Equal("Consultations", await author.Page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task A_refused_sign_in_says_which_field_and_signs_no_one_in()
    {
        await using var visitor = await PortalVisitor.OpenAsync(chromium, system);
        await visitor.GotoAsync("/signin");
        await visitor.Page.Locator("#Subject").FillAsync("rex");
        await visitor.Page.Locator("#Role").SelectOptionAsync(Roles.Regulator);
        await visitor.Page.Locator("#Regulator").FillAsync("not-a-regulator-id");
        await visitor.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in", Exact = true }).ClickAsync();

        var problems = visitor.Page.Locator("#problems");
        await Assertions.Expect(problems).ToBeVisibleAsync();
        Assert.Equal(1, await problems.Locator("a[href='#Regulator']").CountAsync());
        Assert.Contains("/signin", visitor.Page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(await visitor.Page.Context.CookiesAsync(), cookie => cookie.Name == "policyengage.session");
        await visitor.CheckAccessibilityAsync("signin-refused");
    }

    [Fact]
    public async Task The_session_cookie_is_out_of_page_script_reach_and_strict_to_this_site()
    {
        await using var liaison = await PortalVisitor.OpenAsync(chromium, system);
        await liaison.SignInAsync("lena", Roles.LiaisonOfficer);

        var session = Assert.Single(await liaison.Page.Context.CookiesAsync(), cookie => cookie.Name == "policyengage.session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        var visible = await liaison.Page.EvaluateAsync<string>("document.cookie");
        Assert.DoesNotContain("policyengage.session", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", await liaison.Page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused()
    {
        await using var liaison = await PortalVisitor.OpenAsync(chromium, system);
        await liaison.SignInAsync("lena", Roles.LiaisonOfficer);

        // The session cookie goes with it, as it would with a forged cross-site form; the token field does not.
        var forged = await liaison.Page.APIRequest.PostAsync("/signout", new APIRequestContextOptions { Form = liaison.Page.APIRequest.CreateFormData() });

        Assert.Equal((int)HttpStatusCode.BadRequest, forged.Status);
        await liaison.GotoAsync("/consultations");
        Assert.EndsWith("/consultations", liaison.Page.Url, StringComparison.Ordinal);
    }
}
