using System.Net;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Telemetry;
using PolicyEngage.Testing.Webhooks;
using Xunit;
using static PolicyEngage.Testing.FlowSteps;

namespace PolicyEngage.EndToEnd.Tests.Telemetry;

/// <summary>SPEC "API documents, telemetry and benchmarks": one trace per request, read from what the processes export.</summary>
public sealed class OneTraceTests(TracedSystem system) : IClassFixture<TracedSystem>
{
    private readonly ApiClient _api = system.Client();

    [Fact]
    public async Task A_submission_is_one_trace_from_the_gateway_through_the_outbox_and_the_bus_to_every_consumer_and_the_ledger()
    {
        var liaison = await _api.SignInAsync("liaison-1", "LiaisonOfficer");
        var author = await _api.SignInAsync("author-acme", "PolicyAuthor", org: "acme");
        var regulatorId = await RegisterRegulatorAsync(liaison, "Ofcom");
        var consultationId = await OpenConsultationAsync(liaison, regulatorId, "TRACE-1");
        var paperId = Id((await CreatePaperAsync(author, consultationId, "Traced")).Expect(HttpStatusCode.Created));
        (await author.PostAsync($"/api/papers/{paperId}/submit")).Expect(HttpStatusCode.OK);

        var submit = await Eventually.ValueAsync(() => system.Receiver.Spans.SingleOrDefault(span =>
            span is { Service: "Gateway", Kind: SpanKind.Server, ParentSpanId: "" } && span.Attribute("url.path") == $"/api/papers/{paperId}/submit"),
            "the gateway's span of the submit");
        // Each consumer's work ends in the span that records it; wait for all of them before reading the tree.
        var trace = await Eventually.ValueAsync(() =>
        {
            var spans = system.Receiver.Spans.Where(span => span.TraceId == submit.TraceId).ToList();
            var ledgerAppend = spans.Where(IsLedgerAppendOf("PositionPaperSubmitted")).ToList();
            var consumers = spans.Where(span => span.Kind == SpanKind.Consumer && span.Name.EndsWith(" process", StringComparison.Ordinal))
                .Select(span => span.Service).Distinct().Count();
            // A span is exported when it ends, so a child (a consume) can arrive before its parent (the receive).
            var ids = spans.Select(span => span.SpanId).ToHashSet();
            var whole = spans.All(span => span.ParentSpanId == "" || ids.Contains(span.ParentSpanId));
            return ledgerAppend.Count == 1 && consumers == 3 && whole ? spans : null;
        }, "the ledger's append, the three consumers' spans and every span's parent in the submit's trace");

        var byId = trace.ToDictionary(span => span.SpanId);
        // One tree (every parent was exported with it, as awaited above) whose only root is the gateway's request span.
        Assert.Equal([submit], trace.Where(span => span.ParentSpanId == ""));

        var append = trace.Single(IsLedgerAppendOf("PositionPaperSubmitted"));
        Assert.Equal("appended", append.Attribute("policyengage.ledger.outcome"));
        var path = PathToRoot(append, byId);
        // From the ledger up: Audit consumes, the bus carried what Submissions' relay published for the request the gateway proxied.
        Assert.Equal(["Audit", "Submissions", "Gateway"], path.Select(span => span.Service).Distinct());
        var relay = Assert.Single(path, span => span is { Service: "Submissions", Scope: "PolicyEngage.Outbox" });
        Assert.Equal(SpanKind.Producer, relay.Kind);
        Assert.Equal(SpanKind.Server, byId[relay.ParentSpanId].Kind); // the relay continues the request that wrote the row
        Assert.Equal("/api/papers/{id}/submit", byId[relay.ParentSpanId].Attribute("http.route"));
        Assert.Contains(path, span => span is { Service: "Audit", Kind: SpanKind.Consumer });
        Assert.Contains(path, span => span is { Service: "Gateway", Kind: SpanKind.Client });

        // Every service that consumes PositionPaperSubmitted did so under the relay's publish.
        foreach (var service in new[] { "Reviews", "RegulatorLiaison", "Audit" })
        {
            var consume = trace.Single(span => span.Service == service && span.Kind == SpanKind.Consumer && span.Name.EndsWith(" process", StringComparison.Ordinal));
            Assert.Contains(relay, PathToRoot(consume, byId));
        }
    }

    [Fact]
    public async Task Every_service_exports_its_own_metrics_and_the_consumers_their_lag()
    {
        var liaison = await _api.SignInAsync("liaison-2", "LiaisonOfficer");
        var author = await _api.SignInAsync("author-initech", "PolicyAuthor", org: "initech");
        var consultationId = await OpenConsultationAsync(liaison, await RegisterRegulatorAsync(liaison, "Arcep"), "TRACE-2");
        var paperId = Id((await CreatePaperAsync(author, consultationId, "Measured")).Expect(HttpStatusCode.Created));
        (await author.PostAsync($"/api/papers/{paperId}/submit")).Expect(HttpStatusCode.OK);

        string[] services = ["Submissions", "Reviews", "RegulatorLiaison", "Audit"];
        (string Service, string Metric)[] expected =
        [
            .. services.Select(service => (service, "policyengage.outbox.waiting")),
            .. services.Select(service => (service, "policyengage.outbox.oldest_unsent_age")),
            ("Submissions", "policyengage.outbox.published"),
            // Each consumer of the submission measured how long the event took to reach it.
            ("Reviews", "policyengage.inbox.consumer_lag"),
            ("RegulatorLiaison", "policyengage.inbox.consumer_lag"),
            ("Audit", "policyengage.inbox.consumer_lag"),
            ("Audit", "policyengage.ledger.waiting"),
            ("RegulatorLiaison", "policyengage.digests.delivery_overdue"),
        ];
        await Eventually.True(() =>
        {
            var exported = system.Receiver.Metrics.Select(metric => (metric.Service, metric.Name)).ToHashSet();
            return expected.All(exported.Contains);
        }, "every expected policyengage metric exported by its service", TimeSpan.FromSeconds(60));
        // The gateway exports too, though no policyengage instrument is its.
        Assert.Contains(system.Receiver.Metrics, metric => metric is { Service: "Gateway", Name: "http.server.request.duration" });
    }

    [Fact]
    public async Task A_webhook_push_is_a_trace_of_its_own_linked_to_the_delivery_that_scheduled_it()
    {
        var liaison = await _api.SignInAsync("liaison-3", "LiaisonOfficer");
        var regulatorId = await RegisterRegulatorAsync(liaison, "Traced regulator");
        var regulator = await _api.SignInAsync("traced-regulator", "Regulator", regulator: regulatorId);
        await using var receiver = await WebhookReceiver.StartAsync(IPAddress.Loopback);
        (await regulator.PostAsync("/api/regulator/webhooks", new { url = new Uri(receiver.Url, "hooks").ToString() })).Expect(HttpStatusCode.Created);

        var digestId = await DeliverDigestAsync(_api, regulatorId, "TRACE-PUSH", "Pushed position");

        var push = await Eventually.ValueAsync(() => system.Receiver.Spans.SingleOrDefault(span => span is { Service: "RegulatorLiaison", Name: "webhook push" }),
            "the push attempt's span", TimeSpan.FromSeconds(60));
        var deliver = system.Receiver.Spans.Single(span =>
            span is { Service: "Gateway", Kind: SpanKind.Server, ParentSpanId: "" } && span.Attribute("url.path") == $"/api/digests/{digestId}/deliver");
        Assert.Equal("", push.ParentSpanId);
        Assert.NotEqual(deliver.TraceId, push.TraceId);
        // Its one link is to the span, in the delivery's trace, that scheduled it: RegulatorLiaison learning the papers were reserved.
        var link = Assert.Single(push.Links);
        Assert.Equal(deliver.TraceId, link.TraceId);
        var scheduler = await Eventually.ValueAsync(() => system.Receiver.Spans.SingleOrDefault(span => span.SpanId == link.SpanId), "the linked span");
        Assert.Equal(("RegulatorLiaison", SpanKind.Consumer), (scheduler.Service, scheduler.Kind));
        // The attempt's request is under it, and the event it raised reaches the ledger in the push's own trace.
        Assert.Contains(system.Receiver.Spans, span => span.ParentSpanId == push.SpanId && span.Kind == SpanKind.Client);
        await Eventually.True(() => system.Receiver.Spans.Any(span => span.TraceId == push.TraceId && IsLedgerAppendOf("DigestPushed")(span)),
            "DigestPushed appended in the push's trace");
    }

    private static Func<ReceivedSpan, bool> IsLedgerAppendOf(string eventType) =>
        span => span is { Service: "Audit", Name: "ledger append" } && span.Attribute("policyengage.event.type") == eventType;

    private static List<ReceivedSpan> PathToRoot(ReceivedSpan span, IReadOnlyDictionary<string, ReceivedSpan> byId)
    {
        var path = new List<ReceivedSpan> { span };
        while (path[^1].ParentSpanId != "") path.Add(byId[path[^1].ParentSpanId]);
        return path;
    }
}
