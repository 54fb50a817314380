using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PolicyEngage.Portal.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.Portal.Tests.Auditor;

[Collection(PortalCollection.Name)]
public sealed class AuditorLedgerTests(PortalSystem system, Chromium chromium)
{
    private static readonly string[] FlowEvents =
    [
        "ConsultationOpened", "PositionPaperSubmitted", "ReviewCompleted", "ConsultationClosed", "DigestCompiled",
        "DigestDeliveryRequested", "DigestPapersReserved", "DigestDelivered",
    ];

    [Fact]
    public async Task An_auditor_sees_a_consultation_s_every_event_in_sequence_order_with_its_picture_and_the_ledger_intact_with_its_checkpoint_and_export()
    {
        var reference = $"AU-{Guid.NewGuid():N}"[..12];
        var api = system.Client();
        var liaisonApi = await api.SignInAsync($"{reference}-liaison", Roles.LiaisonOfficer);
        var regulatorId = await FlowSteps.RegisterRegulatorAsync(liaisonApi, $"Regulator {reference}");
        var digestId = await FlowSteps.DeliverDigestAsync(api, regulatorId, reference, $"User rights {reference}");
        var digest = (await liaisonApi.GetAsync($"/api/digests/{digestId}")).Expect(HttpStatusCode.OK);
        var consultationId = digest.Json["consultationId"]!.GetValue<Guid>();
        var auditorApi = await api.SignInAsync($"{reference}-auditor", Roles.Auditor);
        var timeline = await auditorApi.EventuallyAsync(() => auditorApi.GetAsync($"/api/audit/consultations/{consultationId}/timeline"),
            r => r.Status == HttpStatusCode.OK && r.Json.AsArray().Any(e => e!["eventType"]!.GetValue<string>() == "DigestDelivered"), "the delivery in the ledger");
        var sequences = timeline.Json.AsArray().Select(e => e!["sequence"]!.GetValue<long>().ToString()).ToList();

        await using var auditor = await PortalVisitor.OpenAsync(chromium, system);
        await auditor.SignInAsync($"{reference}-auditor", Roles.Auditor);
        var page = auditor.Page;
        await auditor.GotoAsync($"/consultations/{consultationId}");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "The consultation's audit timeline" }).ClickAsync();

        var rows = page.Locator("table.timeline tbody tr");
        Assert.Equal(sequences, await rows.Locator("th").AllInnerTextsAsync());
        var shown = (await rows.Locator("td:nth-child(3) code").AllInnerTextsAsync()).ToList();
        foreach (var type in FlowEvents) Assert.Contains(type, shown);
        Assert.True(shown.IndexOf("ConsultationOpened") < shown.IndexOf("PositionPaperSubmitted") && shown.IndexOf("DigestCompiled") < shown.IndexOf("DigestDelivered"),
            $"events out of order: {string.Join(", ", shown)}");
        var picture = page.Locator("svg[role='img']");
        await Assertions.Expect(picture.Locator("title#timeline-title")).ToHaveTextAsync($"Timeline of {reference}: {sequences.Count} events");
        Assert.Equal(sequences.Count, await picture.Locator("g.mark").CountAsync());
        Assert.True(await picture.Locator("line.cause").CountAsync() > 0, "no causation line drawn");
        await auditor.CheckAccessibilityAsync("auditor-timeline");
        await auditor.ScreenshotAsync("auditor-timeline");

        await auditor.GotoAsync("/audit");
        await Assertions.Expect(page.Locator("#ledger-verdict")).ToContainTextAsync("Intact");
        var origin = (await auditorApi.GetAsync("/api/audit/key")).Expect(HttpStatusCode.OK).Json["origin"]!.GetValue<string>();
        await Assertions.Expect(page.Locator("#checkpoint-note")).ToContainTextAsync(origin);
        await Assertions.Expect(page.Locator("#verifier-key")).ToContainTextAsync(origin + "+");
        await auditor.CheckAccessibilityAsync("auditor-ledger");
        await auditor.ScreenshotAsync("auditor-ledger");

        await page.GetByLabel("Consultation id (optional)").FillAsync(consultationId.ToString());
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Download export" }).ClickAsync());
        Assert.EndsWith(".ndjson", download.SuggestedFilename, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.StartsWith(origin, JsonNode.Parse(lines[0])!["checkpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(lines.Skip(1), line => Assert.Equal(consultationId, JsonNode.Parse(line)!["entry"]!["consultationId"]!.GetValue<Guid>()));

        await page.GetByLabel("Format").SelectOptionAsync("csv");
        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Download export" }).ClickAsync());
        Assert.StartsWith("sequence,eventId,eventType", (await File.ReadAllLinesAsync((await csv.PathAsync())!))[0], StringComparison.Ordinal);

        await using var chinese = await PortalVisitor.OpenAsync(chromium, system, "zh-CN");
        await chinese.SignInAsync($"{reference}-auditor", Roles.Auditor);
        foreach (var (path, name) in new[] { ($"/audit/consultations/{consultationId}", "auditor-timeline"), ("/audit", "auditor-ledger"), ($"/digests/{digestId}", "auditor-digest") })
        {
            await chinese.GotoAsync(path);
            await chinese.CheckAccessibilityAsync(name);
            await chinese.ScreenshotAsync(name);
        }
        await Assertions.Expect(chinese.Page.Locator("#digest-status")).ToBeVisibleAsync();
        await auditor.GotoAsync($"/digests/{digestId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Webhook pushes" })).ToBeVisibleAsync();
        await auditor.CheckAccessibilityAsync("auditor-digest");
    }
}
