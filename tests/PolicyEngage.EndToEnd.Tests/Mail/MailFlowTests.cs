using System.Net;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Mail;
using Xunit.Abstractions;
using static PolicyEngage.Testing.FlowSteps;

namespace PolicyEngage.EndToEnd.Tests.Mail;

/// <summary>
/// The consultation flow with e-mail addresses in the tokens and on the regulator, through the gateway, against a real
/// mail server: the author hears of the decision, the regulator's desk of the delivery, and the ledger (which keeps
/// events for good) holds neither address.
/// </summary>
public sealed class MailFlowTests(MailingSystem system, ITestOutputHelper output) : IClassFixture<MailingSystem>
{
    private const string AuthorAddress = "ann@acme.example";
    private const string ReviewerAddress = "rob@globex.example";
    private const string DeskAddress = "desk@regulator.example";

    [Fact]
    public async Task The_author_is_mailed_the_decision_and_the_regulators_desk_the_delivery_and_no_address_reaches_the_ledger()
    {
        var api = system.Client();
        var liaison = await api.SignInAsync("mail-liaison", "LiaisonOfficer", email: "lea@alliance.example");
        var author = await api.SignInAsync("mail-author", "PolicyAuthor", org: "acme", email: AuthorAddress);
        var reviewer = await api.SignInAsync("mail-reviewer", "Reviewer", org: "globex", email: ReviewerAddress);
        var auditor = await api.SignInAsync("mail-auditor", "Auditor");
        var regulatorId = Id((await liaison.PostAsync("/api/regulators", new { name = "Mail regulator", jurisdiction = "EU", contactEmail = DeskAddress }))
            .Expect(HttpStatusCode.Created));
        var consultationId = await OpenConsultationAsync(liaison, regulatorId, "MAIL-1");

        var paperId = await SubmitAndDecideAsync(author, reviewer, consultationId, "Mailed position", "Approve");

        var decision = await system.Smtp.WaitForOneAsync(m => m.To.Contains(AuthorAddress), "the decision mail to the author", TimeSpan.FromSeconds(60));
        output.WriteLine($"decision mail {decision.MessageId}: {decision.Subject}");
        Assert.StartsWith("decision.", decision.MessageId);
        Assert.Equal("Approved: \"Mailed position\", version 1 / 已批准：《Mailed position》第 1 版", decision.Subject);
        Assert.Contains("Approve: reasons given.", decision.Text);
        Assert.Contains($"{system.Gateway.BaseAddress.Scheme}://", decision.Text);
        Assert.Contains($"/papers/{paperId}", decision.Text);

        await AwaitStatusAsync(author, paperId, "Approved");
        (await liaison.PostAsync($"/api/consultations/{consultationId}/close")).Expect(HttpStatusCode.OK);
        await AwaitPositionsAsync(liaison, consultationId, [paperId]);
        var digest = (await liaison.PostAsync($"/api/consultations/{consultationId}/digests")).Expect(HttpStatusCode.Created).Json;
        var digestId = Id(digest);
        (await liaison.PostAsync($"/api/digests/{digestId}/deliver")).Expect(HttpStatusCode.Accepted);

        var delivery = await system.Smtp.WaitForOneAsync(m => m.To.Contains(DeskAddress), "the delivery mail to the regulator's desk", TimeSpan.FromSeconds(60));
        output.WriteLine($"delivery mail {delivery.MessageId}: {delivery.Subject}");
        Assert.StartsWith("digest-delivered.", delivery.MessageId);
        Assert.Contains(digest["contentHash"]!.GetValue<string>(), delivery.Text);
        Assert.Contains($"/digests/{digestId}", delivery.Text);
        Assert.Contains("MAIL-1", delivery.Subject);

        // Once the delivery is in the ledger, everything before it is too.
        await auditor.EventuallyAsync(() => auditor.GetAsync($"/api/audit/consultations/{consultationId}/timeline"),
            r => r.Status == HttpStatusCode.OK && r.Json.AsArray().Any(e => e!["eventType"]!.GetValue<string>() == "DigestDelivered"), "DigestDelivered in the ledger");
        var ledgerViews = new[]
        {
            ("consultation timeline", await TextAsync(auditor, $"/api/audit/consultations/{consultationId}/timeline")),
            ("paper timeline", await TextAsync(auditor, $"/api/audit/papers/{paperId}/timeline")),
            ("export", await TextAsync(auditor, $"/api/audit/export?consultationId={consultationId}")),
            ("whole export", await TextAsync(auditor, "/api/audit/export")),
        };
        foreach (var (what, text) in ledgerViews)
        {
            Assert.Contains("PositionPaperSubmitted", text);
            foreach (var address in new[] { AuthorAddress, ReviewerAddress, DeskAddress, "lea@alliance.example" })
                Assert.False(text.Contains(address, StringComparison.OrdinalIgnoreCase), $"{address} in the {what}");
        }
        Assert.Contains(DeskAddress, await TextAsync(liaison, "/api/regulators"));

        // Nothing crashed, so each mail came once; the reviewer and the liaison officer were sent none.
        Assert.Single(system.Smtp.Received, m => m.To.Contains(AuthorAddress));
        Assert.Single(system.Smtp.Received, m => m.To.Contains(DeskAddress));
        Assert.DoesNotContain(system.Smtp.Received, m => m.To.Contains(ReviewerAddress) || m.To.Contains("lea@alliance.example"));
    }

    /// <summary>An answer's text exactly as sent (an export is NDJSON, not one JSON document).</summary>
    private async Task<string> TextAsync(Caller caller, string path)
    {
        using var http = new HttpClient { BaseAddress = system.Gateway.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", caller.Token);
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return text;
    }
}
