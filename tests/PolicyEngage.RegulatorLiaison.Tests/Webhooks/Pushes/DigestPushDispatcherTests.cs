using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Consultations;
using PolicyEngage.RegulatorLiaison.Tests.Support;
using PolicyEngage.RegulatorLiaison.Webhooks.Endpoints;
using PolicyEngage.RegulatorLiaison.Webhooks.Pushes;
using PolicyEngage.Testing.Webhooks;

namespace PolicyEngage.RegulatorLiaison.Tests.Webhooks.Pushes;

/// <summary>One dispatcher round at a time against a real receiver: what an endpoint's answer does to the endpoint and its other pushes.</summary>
public sealed class DigestPushDispatcherTests(RegulatorLiaisonApp app) : IClassFixture<RegulatorLiaisonApp>, IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync(IPAddress.Loopback);

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task A_410_disables_the_endpoint_and_ends_its_other_pending_pushes_without_contacting_it_again()
    {
        var (endpoint, pushes) = await PendingPushesAsync(count: 3);
        _receiver.AnswerNext(WebhookAnswer.Gone);

        await RoundAsync(Dispatcher(), pushes[0]);

        var stored = await app.ReadAsync(db => db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == endpoint.Id));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, stored.DisabledAt);
        var states = await app.ReadAsync(db => db.DigestPushes.AsNoTracking().Where(p => p.EndpointId == endpoint.Id).Select(p => p.State).ToListAsync());
        Assert.All(states, state => Assert.Equal(PushState.Disabled, state));
        Assert.Single(_receiver.Received);
        var exhausted = (await app.OutboxAsync<DigestPushExhausted>()).Where(e => e.EndpointId == endpoint.Id).ToList();
        Assert.Equal(pushes.Select(p => p.WebhookId).Order(), exhausted.Select(e => e.WebhookId).Order());
        Assert.Empty(await Dispatcher().ClaimAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_push_to_an_endpoint_deleted_after_it_was_claimed_ends_disabled_unsent()
    {
        var (endpoint, pushes) = await PendingPushesAsync(count: 1);
        var dispatcher = Dispatcher();
        var claim = Assert.Single(await dispatcher.ClaimAsync(CancellationToken.None), c => c.PushId == pushes[0].Id);
        await app.WriteAsync(db => db.WebhookEndpoints.Single(e => e.Id == endpoint.Id).Delete(app.Clock.GetUtcNow().UtcDateTime));

        await dispatcher.AttemptAsync(claim, CancellationToken.None);

        Assert.Empty(_receiver.Received);
        Assert.Equal(PushState.Disabled, await app.ReadAsync(db => db.DigestPushes.AsNoTracking().Where(p => p.Id == pushes[0].Id).Select(p => p.State).SingleAsync()));
    }

    [Fact]
    public async Task A_success_is_recorded_with_the_receivers_answer_and_is_never_attempted_again()
    {
        var (_, pushes) = await PendingPushesAsync(count: 1);

        await RoundAsync(Dispatcher(), pushes[0]);

        var push = await app.ReadAsync(db => db.DigestPushes.AsNoTracking().SingleAsync(p => p.Id == pushes[0].Id));
        Assert.Equal(PushState.Succeeded, push.State);
        var attempt = Assert.Single(push.Attempts);
        Assert.Equal((1, 200, (string?)null), (attempt.Number, attempt.StatusCode, attempt.Error));
        Assert.Equal(push.WebhookId, Assert.Single(_receiver.Received).WebhookId);
        Assert.Single(await app.OutboxAsync<DigestPushed>(), e => e.WebhookId == push.WebhookId);
        Assert.DoesNotContain(await Dispatcher().ClaimAsync(CancellationToken.None), c => c.PushId == push.Id);
    }

    [Fact]
    public async Task Each_attempt_is_counted_as_it_is_made_with_what_it_came_to_and_the_receivers_status_class()
    {
        var (_, pushes) = await PendingPushesAsync(count: 2);
        using var attempts = new MetricCollector<long>(app.Services.GetRequiredService<IMeterFactory>(), WebhookMetrics.MeterName, WebhookMetrics.AttemptsCounter);
        _receiver.AnswerNext(WebhookAnswer.Status(503), WebhookAnswer.Ok);
        var dispatcher = Dispatcher();
        var claims = await dispatcher.ClaimAsync(CancellationToken.None);

        await dispatcher.AttemptAsync(Assert.Single(claims, c => c.PushId == pushes[0].Id), CancellationToken.None);
        Assert.Equal(["1 retry 5xx"], Counted(attempts));

        await dispatcher.AttemptAsync(Assert.Single(claims, c => c.PushId == pushes[1].Id), CancellationToken.None);
        Assert.Equal(["1 retry 5xx", "1 succeeded 2xx"], Counted(attempts));
    }

    private static IEnumerable<string> Counted(MetricCollector<long> attempts) =>
        attempts.GetMeasurementSnapshot().Select(m => $"{m.Value} {m.Tags["outcome"]} {m.Tags["status_class"]}");

    private static async Task RoundAsync(DigestPushDispatcher dispatcher, DigestPush push)
    {
        var claim = Assert.Single(await dispatcher.ClaimAsync(CancellationToken.None), c => c.PushId == push.Id);
        await dispatcher.AttemptAsync(claim, CancellationToken.None);
    }

    /// <summary>An endpoint at the receiver and one delivered digest per push, each push due now.</summary>
    private async Task<(WebhookEndpoint Endpoint, List<DigestPush> Pushes)> PendingPushesAsync(int count)
    {
        var regulator = Sample.NewRegulator();
        var consultation = Sample.ClosedConsultation(regulator);
        var endpoint = WebhookEndpoint.Register(regulator.Id, new Uri(_receiver.Url, "hooks").ToString(), Sample.Now);
        var pushes = new List<DigestPush>();
        await app.WriteAsync(db =>
        {
            db.Regulators.Add(regulator);
            db.Consultations.Add(consultation);
            db.WebhookEndpoints.Add(endpoint);
            for (var i = 0; i < count; i++)
            {
                var digest = Sample.DeliveredDigest(consultation);
                db.Digests.Add(digest);
                pushes.AddRange(DigestPush.For(digest, [endpoint], app.Clock.GetUtcNow().UtcDateTime));
            }
            db.DigestPushes.AddRange(pushes);
        });
        _receiver.Trust(endpoint.Secret);
        return (endpoint, pushes);
    }

    private DigestPushDispatcher Dispatcher() => PushDispatchers.Of(app);

}
