using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PolicyEngage.Portal.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Portal.Tests.Flow;

/// <summary>
/// The consultation flow from end to end through the portal alone, as its five kinds of people take it, each in a
/// browser of their own; a screenshot of every step is kept among the artefacts (<c>flow-*.png</c>).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class WholeFlowTests(PortalSystem system, Chromium chromium)
{
    [Fact]
    public async Task Five_people_in_five_browsers_take_a_consultation_from_its_opening_to_the_regulator_s_receipt_and_the_auditor_s_check()
    {
        var reference = $"WF-{Guid.NewGuid():N}"[..12];
        var paperTitle = $"Avatar identity {reference}";

        // 1. The liaison office registers the regulator and opens a consultation for it.
        await using var liaison = await PortalVisitor.OpenAsync(chromium, system);
        await liaison.SignInAsync("wf-lena", Roles.LiaisonOfficer);
        var desk = liaison.Page;
        await liaison.GotoAsync("/regulators");
        await desk.GetByLabel("Name", new PageGetByLabelOptions { Exact = true }).FillAsync($"Regulator {reference}");
        await desk.GetByLabel("Jurisdiction", new PageGetByLabelOptions { Exact = true }).FillAsync("EU");
        await desk.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Register regulator" }).ClickAsync();
        var regulatorId = Guid.Parse(await desk.Locator("tr", new PageLocatorOptions { HasText = $"Regulator {reference}" }).Locator("code").InnerTextAsync());
        await desk.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Consultations", Exact = true }).ClickAsync();
        await desk.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Open a consultation" }).ClickAsync();
        await desk.GetByLabel("Regulator", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync(regulatorId.ToString());
        await desk.GetByLabel("Reference", new PageGetByLabelOptions { Exact = true }).FillAsync(reference);
        await desk.GetByLabel("Title", new PageGetByLabelOptions { Exact = true }).FillAsync($"Consultation {reference}");
        await desk.GetByLabel("Summary", new PageGetByLabelOptions { Exact = true }).FillAsync("Positions on avatar identity wanted.");
        await desk.GetByLabel("Closes at").FillAsync(DateTime.Now.AddDays(3).ToString("yyyy-MM-ddTHH:mm"));
        await desk.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Open consultation" }).ClickAsync();
        await desk.ArriveAtAsync(ConsultationUrl());
        var consultationId = Guid.Parse(ConsultationUrl().Match(desk.Url).Groups["id"].Value);
        await liaison.ScreenshotAsync("flow-1-liaison-opened");

        // 2. A policy author writes a paper and submits it.
        await using var author = await PortalVisitor.OpenAsync(chromium, system);
        await author.SignInAsync("wf-ann", Roles.PolicyAuthor, organisation: "acme", email: "ann@acme.example");
        var workspace = author.Page;
        await workspace.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = $"Consultation {reference}" }).ClickAsync();
        // Submissions learns of the new consultation an event later.
        await workspace.ReloadUntilAsync(workspace.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Write a position paper" }), "the consultation open for papers");
        await workspace.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Write a position paper" }).ClickAsync();
        await workspace.GetByLabel("Title", new PageGetByLabelOptions { Exact = true }).FillAsync(paperTitle);
        await workspace.GetByLabel("Summary", new PageGetByLabelOptions { Exact = true }).FillAsync("Identity must stay with the person.");
        await workspace.GetByLabel("Body", new PageGetByLabelOptions { Exact = true }).FillAsync($"Body of {paperTitle}: portable, revocable, private by default.");
        await workspace.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save draft" }).ClickAsync();
        await workspace.ArriveAtAsync(PaperUrl());
        await workspace.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(workspace.Locator("span.status").First).ToHaveTextAsync("Submitted");
        await author.ScreenshotAsync("flow-2-author-submitted");

        // 3. A reviewer of another organisation approves it.
        await using var reviewer = await PortalVisitor.OpenAsync(chromium, system);
        await reviewer.SignInAsync("wf-rob", Roles.Reviewer, organisation: "globex");
        var queue = reviewer.Page;
        var reviewCase = queue.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = paperTitle });
        await queue.ReloadUntilAsync(reviewCase, "the paper's case in the queue");
        await reviewCase.ClickAsync();
        await queue.GetByLabel("Approve").CheckAsync();
        await queue.GetByLabel("Comment for the author").FillAsync("Clear and well argued.");
        await queue.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(queue.Locator(".notice")).ToContainTextAsync("Approve");
        await reviewer.ScreenshotAsync("flow-3-reviewer-decided");

        // 4. The author reads the decision and its comment.
        await workspace.ReloadUntilAsync(workspace.Locator(".decisions li"), "the decision");
        await Assertions.Expect(workspace.Locator(".decisions")).ToContainTextAsync("Clear and well argued.");
        await Assertions.Expect(workspace.Locator("span.status").First).ToHaveTextAsync("Approved");
        await author.ScreenshotAsync("flow-4-author-approved");

        // 5. The liaison office closes the consultation, compiles the digest and delivers it.
        await liaison.GotoAsync($"/consultations/{consultationId}");
        var console = desk.Locator("section[aria-labelledby='liaison-heading']");
        await desk.ReloadUntilAsync(console.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = paperTitle }), "the approved position");
        await desk.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Close the consultation…" }).ClickAsync();
        await desk.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Yes, close the consultation" }).ClickAsync();
        await desk.ArriveAtAsync(ConsultationUrl());
        await desk.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Compile digest" }).ClickAsync();
        await desk.ArriveAtAsync(DigestUrl());
        var digestId = DigestUrl().Match(desk.Url).Groups["id"].Value;
        desk.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await desk.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Deliver to the regulator" }).ClickAsync();
        await desk.ReloadUntilAsync(desk.Locator("#digest-status", new PageLocatorOptions { HasText = "Delivered" }), "the digest delivered", 45);
        await liaison.ScreenshotAsync("flow-5-liaison-delivered");

        // 6. The regulator reads it in its inbox and acknowledges it by its hash.
        await using var regulator = await PortalVisitor.OpenAsync(chromium, system);
        await regulator.SignInAsync("wf-rex", Roles.Regulator, regulator: regulatorId);
        var inbox = regulator.Page;
        var delivered = inbox.Locator($"a[href='/digests/{digestId}']");
        await inbox.ReloadUntilAsync(delivered, "the digest in the inbox");
        await delivered.First.ClickAsync();
        await Assertions.Expect(inbox.Locator("main")).ToContainTextAsync($"Body of {paperTitle}");
        var hash = await inbox.Locator("#digest-hash").InnerTextAsync();
        await inbox.GetByLabel("The content hash you computed").FillAsync(hash);
        await inbox.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Acknowledge with this hash" }).ClickAsync();
        await Assertions.Expect(inbox.Locator("#receipt")).ToContainTextAsync(hash);
        await regulator.ScreenshotAsync("flow-6-regulator-acknowledged");

        // 7. The auditor reads the whole history across the services, and the ledger holds.
        await using var auditor = await PortalVisitor.OpenAsync(chromium, system);
        await auditor.SignInAsync("wf-aud", Roles.Auditor);
        var ledger = auditor.Page;
        await auditor.GotoAsync($"/consultations/{consultationId}");
        await ledger.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "The consultation's audit timeline" }).ClickAsync();
        var rows = ledger.Locator("table.timeline tbody tr");
        await ledger.ReloadUntilAsync(rows.Filter(new LocatorFilterOptions { HasText = "DigestAcknowledged" }), "the acknowledgement in the ledger");
        var timeline = await ledger.Locator("table.timeline").InnerTextAsync();
        foreach (var step in new[] { "ConsultationOpened", "PositionPaperSubmitted", "ReviewCompleted", "ConsultationClosed", "DigestCompiled", "DigestDelivered", "DigestAcknowledged" })
            Assert.Contains(step, timeline, StringComparison.Ordinal);
        await auditor.ScreenshotAsync("flow-7-auditor-timeline");
        await ledger.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Ledger", Exact = true }).ClickAsync();
        await Assertions.Expect(ledger.Locator("#ledger-verdict")).ToContainTextAsync("Intact");
    }

    [GeneratedRegex(@"/consultations/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex ConsultationUrl();

    [GeneratedRegex(@"/papers/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex PaperUrl();

    [GeneratedRegex(@"/digests/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex DigestUrl();
}
