using System.Net;
using Microsoft.Playwright;
using PolicyEngage.Portal.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.Portal.Tests.Regulator;

[Collection(PortalCollection.Name)]
public sealed class RegulatorDeskTests(PortalSystem system, Chromium chromium)
{
    [Fact]
    public async Task A_regulator_finds_a_delivered_digest_in_its_inbox_reads_it_downloads_its_pdf_and_acknowledges_it_by_its_hash()
    {
        var reference = $"RD-{Guid.NewGuid():N}"[..12];
        var api = system.Client();
        var liaisonApi = await api.SignInAsync($"{reference}-liaison", Roles.LiaisonOfficer);
        var regulatorId = await FlowSteps.RegisterRegulatorAsync(liaisonApi, $"Regulator {reference}");
        var digestId = await FlowSteps.DeliverDigestAsync(api, regulatorId, reference, $"Privacy by design {reference}");

        await using var desk = await PortalVisitor.OpenAsync(chromium, system);
        await desk.SignInAsync($"{reference}-desk", Roles.Regulator, regulator: regulatorId);
        var page = desk.Page;
        await desk.GotoAsync("/inbox");
        var entry = page.Locator($"a[href='/digests/{digestId}']");
        await page.ReloadUntilAsync(entry, "the delivered digest in the inbox", 45);
        await Assertions.Expect(page.Locator("tr", new PageLocatorOptions { HasText = reference })).ToContainTextAsync("Delivered");
        await desk.CheckAccessibilityAsync("regulator-inbox");
        await desk.ScreenshotAsync("regulator-inbox");

        await entry.ClickAsync();
        await Assertions.Expect(page.Locator(".paper-text").First).ToContainTextAsync($"Body of Privacy by design {reference}");
        var hash = await page.Locator("#digest-hash").InnerTextAsync();
        Assert.Matches("^[0-9a-f]{64}$", hash);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "PDF", Exact = true }).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);

        var field = page.GetByLabel("The content hash you computed");
        var acknowledge = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Acknowledge with this hash" });
        await field.FillAsync("not-a-hash");
        await acknowledge.ClickAsync();
        await Assertions.Expect(page.Locator("span[data-valmsg-for='ContentHash']")).ToContainTextAsync("not a SHA-256 value");

        await page.GetByLabel("The content hash you computed").FillAsync(new string('a', 64) == hash ? new string('b', 64) : new string('a', 64));
        await acknowledge.ClickAsync();
        await Assertions.Expect(page.Locator("span[data-valmsg-for='ContentHash']")).ToContainTextAsync("does not match");
        Assert.Equal(0, await page.Locator("#receipt").CountAsync());
        await desk.CheckAccessibilityAsync("regulator-digest-mismatch");

        await page.GetByLabel("The content hash you computed").FillAsync(hash);
        await acknowledge.ClickAsync();
        var receipt = page.Locator("#receipt");
        await Assertions.Expect(receipt).ToContainTextAsync(hash);
        await Assertions.Expect(receipt).ToContainTextAsync($"{reference}-desk");
        var acknowledgedAt = await page.Locator("#receipt-acknowledged-at").InnerTextAsync();
        await desk.CheckAccessibilityAsync("regulator-digest");
        await desk.ScreenshotAsync("regulator-digest");

        await page.GetByLabel("The content hash you computed").FillAsync(hash);
        await acknowledge.ClickAsync();
        await Assertions.Expect(page.Locator("#receipt-acknowledged-at")).ToHaveTextAsync(acknowledgedAt);

        await using var chinese = await PortalVisitor.OpenAsync(chromium, system, "zh-CN");
        await chinese.SignInAsync($"{reference}-desk", Roles.Regulator, regulator: regulatorId);
        foreach (var (path, name) in new[] { ("/inbox", "regulator-inbox"), ($"/digests/{digestId}", "regulator-digest") })
        {
            await chinese.GotoAsync(path);
            await chinese.CheckAccessibilityAsync(name);
            await chinese.ScreenshotAsync(name);
        }
    }

    [Fact]
    public async Task A_regulator_never_sees_another_regulator_s_digest()
    {
        var reference = $"RX-{Guid.NewGuid():N}"[..12];
        var api = system.Client();
        var liaisonApi = await api.SignInAsync($"{reference}-liaison", Roles.LiaisonOfficer);
        var addressed = await FlowSteps.RegisterRegulatorAsync(liaisonApi, $"Addressed {reference}");
        var other = await FlowSteps.RegisterRegulatorAsync(liaisonApi, $"Other {reference}");
        var digestId = await FlowSteps.DeliverDigestAsync(api, addressed, reference, $"Ethics {reference}");
        var addressedDesk = await api.SignInAsync($"{reference}-addressed", Roles.Regulator, regulator: addressed);
        await addressedDesk.EventuallyAsync(() => addressedDesk.GetAsync($"/api/digests/{digestId}"), r => r.Status == HttpStatusCode.OK, "the digest delivered");

        await using var stranger = await PortalVisitor.OpenAsync(chromium, system);
        await stranger.SignInAsync($"{reference}-other", Roles.Regulator, regulator: other);
        var answer = await stranger.GotoAsync($"/digests/{digestId}");

        Assert.Equal((int)HttpStatusCode.NotFound, answer!.Status);
        Assert.DoesNotContain($"Ethics {reference}", await stranger.Page.ContentAsync(), StringComparison.Ordinal);
        var download = await stranger.Page.APIRequest.GetAsync($"/digests/{digestId}?handler=Download&format=Pdf");
        Assert.Equal((int)HttpStatusCode.NotFound, download.Status);
        await stranger.GotoAsync("/inbox");
        Assert.Equal(0, await stranger.Page.Locator($"a[href='/digests/{digestId}']").CountAsync());
    }

    [Fact]
    public async Task A_regulator_registers_a_webhook_endpoint_sees_its_secret_once_rotates_it_and_deletes_it()
    {
        var reference = $"RW-{Guid.NewGuid():N}"[..12];
        var api = system.Client();
        var regulatorId = await FlowSteps.RegisterRegulatorAsync(await api.SignInAsync($"{reference}-liaison", Roles.LiaisonOfficer), $"Regulator {reference}");
        var url = $"https://desk.example.org/{reference}";

        await using var desk = await PortalVisitor.OpenAsync(chromium, system);
        await desk.SignInAsync($"{reference}-desk", Roles.Regulator, regulator: regulatorId);
        var page = desk.Page;
        await desk.GotoAsync("/webhooks");
        await page.GetByLabel("Address (URL)").FillAsync(url);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Register endpoint" }).ClickAsync();
        var secret = page.Locator("#webhook-secret");
        await Assertions.Expect(secret).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^whsec_"));
        await Assertions.Expect(page.Locator(".secret")).ToContainTextAsync("Copy it now; it is not shown again.");
        var first = await secret.InnerTextAsync();
        await Assertions.Expect(page.Locator("tr", new PageLocatorOptions { HasText = url })).ToBeVisibleAsync();
        await desk.CheckAccessibilityAsync("regulator-webhooks");
        await desk.ScreenshotAsync("regulator-webhooks");

        await page.ReloadAsync();
        Assert.Equal(0, await page.Locator("#webhook-secret").CountAsync());
        Assert.DoesNotContain(first, await page.ContentAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = $"Rotate secret {url}" }).ClickAsync();
        await Assertions.Expect(secret).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^whsec_"));
        Assert.NotEqual(first, await secret.InnerTextAsync());
        await Assertions.Expect(page.Locator(".secret")).ToContainTextAsync("24 hours");

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = $"Delete… {url}" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Delete a webhook endpoint");
        await desk.CheckAccessibilityAsync("regulator-webhook-delete");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Yes, delete the endpoint" }).ClickAsync();
        await page.ArriveAtAsync(u => u.EndsWith("/webhooks", StringComparison.Ordinal), "the webhooks page");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("deleted");
        Assert.Equal(0, await page.Locator("tr", new PageLocatorOptions { HasText = url }).CountAsync());

        await using var chinese = await PortalVisitor.OpenAsync(chromium, system, "zh-CN");
        await chinese.SignInAsync($"{reference}-desk", Roles.Regulator, regulator: regulatorId);
        await chinese.GotoAsync("/webhooks");
        await chinese.Page.GetByLabel("地址（URL）").FillAsync($"{url}/zh");
        await chinese.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "登记端点" }).ClickAsync();
        await Assertions.Expect(chinese.Page.Locator("#webhook-secret")).ToBeVisibleAsync();
        await chinese.CheckAccessibilityAsync("regulator-webhooks");
        await chinese.ScreenshotAsync("regulator-webhooks");
        await chinese.Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = $"删除… {url}/zh" }).ClickAsync();
        await chinese.CheckAccessibilityAsync("regulator-webhook-delete");
    }
}
