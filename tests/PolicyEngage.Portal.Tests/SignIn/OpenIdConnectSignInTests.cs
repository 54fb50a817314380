using System.Net;
using Microsoft.Playwright;
using PolicyEngage.Portal.Tests.Support;
using PolicyEngage.Portal.Tests.Support.IdentityProvider;
using PolicyEngage.Testing;

namespace PolicyEngage.Portal.Tests.SignIn;

/// <summary>Outside Development: people sign in at a real OpenID Connect provider, and its tokens are what the API accepts.</summary>
[Collection(OpenIdConnectCollection.Name)]
public sealed class OpenIdConnectSignInTests(OpenIdConnectPortalSystem system, Chromium chromium)
{
    private const string SessionCookie = "policyengage.session";

    [Fact]
    public async Task A_person_is_sent_to_the_identity_provider_and_comes_back_signed_in_to_the_consultations_the_API_answers()
    {
        var reference = $"OIDC-{Guid.NewGuid():N}"[..16];
        await OpenConsultationAsLiaisonAsync(reference);

        foreach (var locale in new[] { "en-GB", "zh-CN" })
        {
            await using var author = await PortalVisitor.OpenAsync(chromium, system, locale);
            await author.GotoAsync("/consultations");
            await author.SignInAtProviderAsync(system.Provider, TestPeople.Author);

            await author.Page.ArriveAtAsync($"{system.PortalAddress}/consultations");
            // Listed by the service behind the gateway, with the provider's token: both accepted it.
            await Assertions.Expect(author.Page.GetByRole(AriaRole.Cell, new PageGetByRoleOptions { Name = reference, Exact = true })).ToBeVisibleAsync();
            // The menu speaks for whom the access token speaks: its subject and role.
            await Assertions.Expect(author.Page.Locator(".who")).ToContainTextAsync(TestPeople.Author.UserName);
            if (locale == "en-GB") await Assertions.Expect(author.Page.Locator(".who")).ToHaveTextAsync($"{TestPeople.Author.UserName} · Policy author");
            await author.CheckAccessibilityAsync("consultations-after-oidc-sign-in");
            await author.ScreenshotAsync("consultations-after-oidc-sign-in");
        }
    }

    [Fact]
    public async Task The_correlation_and_nonce_cookies_are_lax_to_come_back_from_the_provider_and_the_session_cookie_is_strict()
    {
        await using var liaison = await PortalVisitor.OpenAsync(chromium, system);
        await liaison.GotoAsync("/consultations");

        // On the provider's page: what the portal set on the way out.
        // They are scoped to the callback path, where the provider sends the browser back.
        var outbound = await liaison.Page.Context.CookiesAsync([$"{system.PortalAddress}/signin-oidc"]);
        var correlation = Assert.Single(outbound, cookie => cookie.Name.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal));
        var nonce = Assert.Single(outbound, cookie => cookie.Name.StartsWith(".AspNetCore.OpenIdConnect.Nonce.", StringComparison.Ordinal));
        foreach (var cookie in new[] { correlation, nonce })
        {
            Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
            Assert.True(cookie.HttpOnly, $"{cookie.Name} is readable by page script.");
        }
        Assert.DoesNotContain(outbound, cookie => cookie.Name == SessionCookie);

        await liaison.SignInAtProviderAsync(system.Provider, TestPeople.Liaison);
        await liaison.Page.ArriveAtAsync($"{system.PortalAddress}/consultations");

        var back = await liaison.Page.Context.CookiesAsync([$"{system.PortalAddress}/signin-oidc"]);
        var session = Assert.Single(back, cookie => cookie.Name == SessionCookie);
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        // Used once: the handler removed them when the code came back.
        Assert.DoesNotContain(back, cookie => cookie.Name.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal));
        Assert.DoesNotContain(await liaison.Page.EvaluateAsync<string>("document.cookie"), SessionCookie, StringComparison.Ordinal);
        await liaison.CheckAccessibilityAsync("consultations-liaison-after-oidc-sign-in");
    }

    [Fact]
    public async Task The_development_sign_in_form_is_not_there_and_a_post_to_it_is_refused()
    {
        await using var visitor = await PortalVisitor.OpenAsync(chromium, system);
        await visitor.GotoAsync("/signin");
        // Straight on to the provider: no Subject field is ever shown.
        Assert.StartsWith(system.Provider.Address, visitor.Page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await visitor.Page.GetByLabel("Subject").CountAsync());

        await visitor.SignInAtProviderAsync(system.Provider, TestPeople.Author);
        await visitor.Page.ArriveAtAsync(url => url.StartsWith(system.PortalAddress, StringComparison.Ordinal) && !url.Contains("/signin", StringComparison.Ordinal), "a portal page past the sign-in");
        // A valid anti-forgery token of this very session, so that only the page itself can be what refuses.
        var antiforgery = await visitor.Page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var form = visitor.Page.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", antiforgery!);
        form.Set("Subject", "eve");
        form.Set("Role", "Auditor");
        var posted = await visitor.Page.APIRequest.PostAsync("/signin", new APIRequestContextOptions { Form = form, MaxRedirects = 0 });

        Assert.Equal((int)HttpStatusCode.NotFound, posted.Status);
        await visitor.GotoAsync("/consultations");
        await Assertions.Expect(visitor.Page.Locator(".who")).ToContainTextAsync(TestPeople.Author.UserName);
        await visitor.CheckAccessibilityAsync("consultations-after-oidc-sign-in");
    }

    [Fact]
    public async Task Signing_out_ends_the_portal_s_session()
    {
        await using var liaison = await PortalVisitor.OpenAsync(chromium, system);
        await liaison.GotoAsync("/consultations");
        await liaison.SignInAtProviderAsync(system.Provider, TestPeople.Liaison);
        await liaison.Page.ArriveAtAsync($"{system.PortalAddress}/consultations");

        await liaison.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" }).ClickAsync();

        // The session cookie is gone, and a page of the portal sends its visitor to sign in again.
        await liaison.Page.ArriveAtAsync($"{system.PortalAddress}/signedout");
        await Assertions.Expect(liaison.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" })).ToHaveCountAsync(0);
        Assert.DoesNotContain(await liaison.Page.Context.CookiesAsync([system.PortalAddress]), cookie => cookie.Name == SessionCookie);
        await liaison.CheckAccessibilityAsync("signed-out");
        var next = await liaison.Page.APIRequest.GetAsync("/consultations", new APIRequestContextOptions { MaxRedirects = 0 });
        Assert.Equal(302, next.Status);
        Assert.StartsWith($"{system.Provider.Address.TrimEnd('/')}{ProviderEndpoints.AuthorizePath}", next.Headers["location"], StringComparison.Ordinal);
    }

    /// <summary>Set-up through the API with a token the provider issued (not what the test is about, so not through the browser).</summary>
    private async Task OpenConsultationAsLiaisonAsync(string reference)
    {
        var token = await system.Provider.AccessTokenForAsync(TestPeople.Liaison);
        var liaison = new Caller(new HttpClient { BaseAddress = system.Gateway.BaseAddress }, token);
        var regulatorId = await FlowSteps.RegisterRegulatorAsync(liaison, "Test regulator");
        await FlowSteps.OpenConsultationAsync(liaison, regulatorId, reference);
    }
}
