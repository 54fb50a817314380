using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PolicyEngage.Portal.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Webhooks;

namespace PolicyEngage.Portal.Tests.Liaison;

[Collection(PortalCollection.Name)]
public sealed partial class LiaisonConsoleTests(PortalSystem system, Chromium chromium)
{
    [Fact]
    public async Task A_liaison_officer_registers_a_regulator_opens_a_consultation_closes_it_compiles_and_delivers_its_digest_through_the_pages()
    {
        var reference = $"LC-{Guid.NewGuid():N}"[..12];
        var regulatorName = $"Regulator {reference}";
        await using var liaison = await PortalVisitor.OpenAsync(chromium, system);
        await liaison.SignInAsync("lena", Roles.LiaisonOfficer);
        var page = liaison.Page;

        await liaison.GotoAsync("/regulators");
        await page.GetByLabel("Name", new PageGetByLabelOptions { Exact = true }).FillAsync(regulatorName);
        await page.GetByLabel("Jurisdiction", new PageGetByLabelOptions { Exact = true }).FillAsync("EU");
        await page.GetByLabel("Contact e-mail (optional)").FillAsync("desk@regulator.example");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Register regulator" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.notice")).ToContainTextAsync(regulatorName);
        var row = page.Locator("tr", new PageLocatorOptions { HasText = regulatorName });
        var regulatorId = Guid.Parse(await row.Locator("code").InnerTextAsync());
        await liaison.CheckAccessibilityAsync("liaison-regulators");
        await liaison.ScreenshotAsync("liaison-regulators");

        // The regulator's desk has a webhook endpoint, so that the delivery shows its push attempts.
        var api = system.Client();
        await using var receiver = await WebhookReceiver.StartAsync(IPAddress.Loopback);
        var regulator = await api.SignInAsync($"{reference}-desk", Roles.Regulator, regulator: regulatorId);
        (await regulator.PostAsync("/api/regulator/webhooks", new { url = receiver.Url.ToString() })).Expect(HttpStatusCode.Created);

        await liaison.GotoAsync("/consultations");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Open a consultation" }).ClickAsync();
        await page.GetByLabel("Regulator", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync(regulatorId.ToString());
        await page.GetByLabel("Reference", new PageGetByLabelOptions { Exact = true }).FillAsync(reference);
        await page.GetByLabel("Title", new PageGetByLabelOptions { Exact = true }).FillAsync($"Consultation {reference}");
        await page.GetByLabel("Summary", new PageGetByLabelOptions { Exact = true }).FillAsync("Positions on avatar identity wanted.");
        var closesAt = page.GetByLabel("Closes at");
        await closesAt.FillAsync(DateTime.Now.AddDays(-1).ToString("yyyy-MM-ddTHH:mm"));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Open consultation" }).ClickAsync();
        await Assertions.Expect(page.Locator("#problems a[href='#ClosesAt']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("span[data-valmsg-for='ClosesAt']")).ToContainTextAsync("future");
        Assert.Contains("Europe/Brussels", await page.Locator("#closes-hint").InnerTextAsync(), StringComparison.Ordinal);
        await liaison.CheckAccessibilityAsync("liaison-open-consultation-refused");

        await closesAt.FillAsync(DateTime.Now.AddDays(3).ToString("yyyy-MM-ddTHH:mm"));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Open consultation" }).ClickAsync();
        await page.ArriveAtAsync(ConsultationUrl());
        var consultationId = Guid.Parse(ConsultationUrl().Match(page.Url).Groups["id"].Value);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Consultation {reference}");

        // An author's paper, approved by a reviewer of another organisation: data the liaison's steps need.
        var author = await api.SignInAsync($"{reference}-author", Roles.PolicyAuthor, org: "acme");
        var reviewer = await api.SignInAsync($"{reference}-reviewer", Roles.Reviewer, org: "globex");
        var liaisonApi = await api.SignInAsync("lena", Roles.LiaisonOfficer);
        var paperId = await FlowSteps.SubmitAndDecideAsync(author, reviewer, consultationId, $"Avatar identity {reference}", "Approve");
        await FlowSteps.AwaitPositionsAsync(liaisonApi, consultationId, [paperId]);

        await page.ReloadAsync();
        var console = page.Locator("section[aria-labelledby='liaison-heading']");
        await Assertions.Expect(console.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = $"Avatar identity {reference}" }).First).ToBeVisibleAsync();
        await Assertions.Expect(console.Locator("dl.statistics").First).ToContainTextAsync("Positions");
        await Assertions.Expect(console.Locator($"#position-{paperId}")).ToContainTextAsync($"Body of Avatar identity {reference}");
        await liaison.CheckAccessibilityAsync("liaison-consultation");
        await liaison.ScreenshotAsync("liaison-consultation");

        // Compiling an open consultation is refused, and the page says why.
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Compile digest" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("still open");
        await liaison.CheckAccessibilityAsync("liaison-compile-refused");

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Close the consultation…" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Close the consultation");
        await liaison.CheckAccessibilityAsync("liaison-close-consultation");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Yes, close the consultation" }).ClickAsync();
        await page.ArriveAtAsync(ConsultationUrl());
        await Assertions.Expect(page.Locator("p.notice")).ToContainTextAsync("closed");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Compile digest" }).ClickAsync();
        await page.ArriveAtAsync(DigestUrl());
        var digestId = DigestUrl().Match(page.Url).Groups["id"].Value;
        await Assertions.Expect(page.Locator("#digest-status")).ToHaveTextAsync("Compiled");
        await Assertions.Expect(page.Locator($"#position-{paperId}")).ToContainTextAsync($"Body of Avatar identity {reference}");

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Deliver to the regulator" }).ClickAsync();
        await page.ArriveAtAsync(DigestUrl());
        await page.ReloadUntilAsync(page.Locator("#digest-status", new PageLocatorOptions { HasText = "Delivered" }), "the digest delivered", 45);
        await page.ReloadUntilAsync(page.Locator("table.pushes td", new PageLocatorOptions { HasText = "Succeeded" }), "the push succeeded", 45);
        await Assertions.Expect(page.Locator("ol.attempts li").First).ToContainTextAsync("HTTP 200");
        Assert.NotEmpty(receiver.Received);
        await liaison.CheckAccessibilityAsync("liaison-digest");
        await liaison.ScreenshotAsync("liaison-digest");

        await using var chinese = await PortalVisitor.OpenAsync(chromium, system, "zh-CN");
        await chinese.SignInAsync("lena", Roles.LiaisonOfficer);
        foreach (var (path, name) in new[]
        {
            ("/regulators", "liaison-regulators"), ("/consultations/open", "liaison-open-consultation"),
            ($"/consultations/{consultationId}", "liaison-consultation"), ($"/consultations/{consultationId}/close", "liaison-close-consultation"),
            ($"/digests/{digestId}", "liaison-digest"),
        })
        {
            await chinese.GotoAsync(path);
            Assert.Equal("zh-Hans", await chinese.Page.Locator("html").GetAttributeAsync("lang"));
            await chinese.CheckAccessibilityAsync(name);
            await chinese.ScreenshotAsync(name);
        }
        await Assertions.Expect(chinese.Page.Locator("#digest-status")).ToHaveTextAsync("已递送");
        await liaison.GotoAsync("/consultations/open");
        await liaison.CheckAccessibilityAsync("liaison-open-consultation");
    }

    [GeneratedRegex(@"/consultations/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex ConsultationUrl();

    [GeneratedRegex(@"/digests/(?<id>[0-9a-f-]{36})$")]
    private static partial Regex DigestUrl();
}
