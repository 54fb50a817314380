using Microsoft.Playwright;
using PolicyEngage.Portal.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Portal.Tests.Papers;

[Collection(PortalCollection.Name)]
public sealed class AuthorKeyboardFlowTests(PortalSystem system, Chromium chromium)
{
    [Fact]
    public async Task An_author_drafts_edits_submits_revises_compares_and_withdraws_a_paper_with_the_keyboard_alone()
    {
        var consultationId = await PaperScenes.OpenConsultationAsync(system, "KBD-1");
        await using var author = await PortalVisitor.OpenAsync(chromium, system);
        var page = author.Page;
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();

        // Sign in: the one page reached by address.
        await author.GotoAsync("/signin");
        await page.TabToAsync("#Subject");
        await page.Keyboard.TypeAsync("kim");
        await page.TabToAsync("#Role");
        await page.Keyboard.TypeAsync("Policy");
        Assert.Equal(Roles.PolicyAuthor, await page.Locator("#Role").InputValueAsync());
        await page.TabToAsync("#Organisation");
        await page.Keyboard.TypeAsync("keyco");
        await page.TabToAsync("button[type=submit]", "Sign in");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Consultations");

        // The consultation, then "Write a position paper".
        await page.TabToAsync($"a[href='/consultations/{consultationId}']");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Consultation KBD-1");
        await Assertions.Expect(page.GetByText("Your organisation has no paper in this consultation yet.")).ToBeVisibleAsync();
        await page.TabToAsync("a", "Write a position paper");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Write a position paper");

        await page.TabToAsync("#Title");
        await page.Keyboard.TypeAsync("Keyboard position");
        await page.TabToAsync("#Summary");
        await page.Keyboard.TypeAsync("Access for everyone.");
        await page.TabToAsync("#Body");
        await page.Keyboard.TypeAsync("Every control must work from the keyboard.");
        await Assertions.Expect(page.Locator("[data-preview-of=Body]")).ToHaveTextAsync("Every control must work from the keyboard.");
        await page.TabToAsync("#Title", backwards: true);
        await Assertions.Expect(page.Locator("#Title")).ToHaveValueAsync("Keyboard position");
        await page.TabToAsync("button", "Save draft");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Keyboard position");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Your draft is saved");
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("Draft");
        var paperUrl = page.Url;

        // Edit the draft.
        await page.TabToAsync("a", "Edit the paper");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Edit the paper");
        await page.TabToAsync("#Title");
        await page.RetypeAsync("Keyboard access position");
        await page.TabToAsync("button", "Save changes");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Keyboard access position");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Your changes are saved.");

        // Submit, with the space bar this time.
        await page.TabToAsync("button", "Submit for review");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("submitted for review");
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("Submitted");
        await Assertions.Expect(page.Locator("table code.hash")).ToHaveCountAsync(1);
        await author.CheckAccessibilityAsync("author-paper-submitted");

        // A reviewer of another organisation asks for changes, through the review pages.
        await using (var reviewer = await PortalVisitor.OpenAsync(chromium, system))
        {
            await reviewer.SignInAsync("rory", Roles.Reviewer, "otherco");
            var caseLink = reviewer.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Keyboard access position", Exact = true });
            await reviewer.Page.ReloadUntilAsync(caseLink, "the paper's review case");
            await caseLink.ClickAsync();
            await reviewer.Page.GetByLabel("Request changes").CheckAsync();
            await reviewer.Page.GetByLabel("Comment for the author").FillAsync("Say which controls: name them.");
            await reviewer.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Record the decision" }).ClickAsync();
            await Assertions.Expect(reviewer.Page.Locator(".notice")).ToContainTextAsync("Your decision is recorded");
        }

        // The author sees the decision and its comment, edits (version 2) and submits again.
        await page.ReloadUntilAsync(page.Locator(".decisions li"), "the reviewer's decision");
        await Assertions.Expect(page.Locator(".decisions")).ToContainTextAsync("Request changes");
        await Assertions.Expect(page.Locator(".decisions")).ToContainTextAsync("Say which controls: name them.");
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("Changes requested");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Submit for review" }).CountAsync());

        await page.TabToAsync("a", "Edit the paper");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Edit the paper");
        await Assertions.Expect(page.GetByText("Changes were requested", new PageGetByTextOptions { Exact = false })).ToBeVisibleAsync();
        await page.TabToAsync("#Body");
        await page.RetypeAsync("Every link, button and field must work from the keyboard.");
        await page.TabToAsync("button", "Save changes");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Your changes are saved.");
        await page.TabToAsync("button", "Submit for review");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("submitted for review");

        // Versions 1 and 2, and what changed between them.
        await Assertions.Expect(page.Locator("table code.hash")).ToHaveCountAsync(2);
        var diff = page.Locator(".diff");
        await Assertions.Expect(diff.Locator("ins")).ToHaveTextAsync(["[added: link, button and field]"]);
        await Assertions.Expect(diff.Locator("del")).ToHaveTextAsync(["[removed: control]"]);
        await Assertions.Expect(diff.Locator("ins .visually-hidden").First).ToHaveCSSAsync("position", "absolute");
        await author.CheckAccessibilityAsync("author-paper-versions");

        // Withdraw, with the confirmation page (and the script's confirm, accepted above).
        await page.TabToAsync("a", "Withdraw the paper");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Withdraw the paper?");
        await Assertions.Expect(page.GetByText("the withdrawal stays on the audit record", new PageGetByTextOptions { Exact = false })).ToBeVisibleAsync();
        await author.CheckAccessibilityAsync("author-withdraw");
        await page.TabToAsync("button", "Yes, withdraw the paper");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("The paper is withdrawn.");
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("Withdrawn");
        Assert.Equal(paperUrl, page.Url);
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Withdraw the paper" }).CountAsync());
    }
}
