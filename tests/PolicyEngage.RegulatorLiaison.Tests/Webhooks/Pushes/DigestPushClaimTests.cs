using Microsoft.EntityFrameworkCore;
using PolicyEngage.RegulatorLiaison.Consultations;
using PolicyEngage.RegulatorLiaison.Tests.Support;
using PolicyEngage.RegulatorLiaison.Webhooks.Endpoints;
using PolicyEngage.RegulatorLiaison.Webhooks.Pushes;

namespace PolicyEngage.RegulatorLiaison.Tests.Webhooks.Pushes;

/// <summary>
/// Two dispatchers, as two RegulatorLiaison processes on one database have, claim due pushes at the same instant, round
/// after round, on the real SQLite file: no push is ever held by both, so no attempt is ever made twice.
/// </summary>
public sealed class DigestPushClaimTests(RegulatorLiaisonApp app) : IClassFixture<RegulatorLiaisonApp>
{
    private const int Rounds = 25;
    private const int EndpointCount = 30;

    [Fact]
    public async Task Two_dispatchers_claiming_at_the_same_instant_never_hold_the_same_push()
    {
        var (regulator, consultation) = await ClosedConsultationAsync();
        var endpoints = Enumerable.Range(0, EndpointCount).Select(i => WebhookEndpoint.Register(regulator, $"https://regulator.example/{i}", Sample.Now)).ToList();
        await app.WriteAsync(db => db.WebhookEndpoints.AddRange(endpoints));
        var (first, second) = (Dispatcher(), Dispatcher());

        var overlaps = 0;
        var claimedInAll = 0;
        for (var round = 0; round < Rounds; round++)
        {
            await app.WriteAsync(db =>
            {
                var digest = Sample.DeliveredDigest(consultation);
                db.Digests.Add(digest);
                db.DigestPushes.AddRange(DigestPush.For(digest, endpoints, app.Clock.GetUtcNow().UtcDateTime));
            });
            using var start = new Barrier(2);
            var claims = await Task.WhenAll(
                Task.Run(() => { start.SignalAndWait(); return first.ClaimAsync(CancellationToken.None); }),
                Task.Run(() => { start.SignalAndWait(); return second.ClaimAsync(CancellationToken.None); }));

            var (a, b) = (claims[0].Select(c => c.PushId).ToHashSet(), claims[1].Select(c => c.PushId).ToHashSet());
            overlaps += a.Intersect(b).Count();
            claimedInAll += a.Count + b.Count;
            var held = await app.ReadAsync(db => db.DigestPushes.AsNoTracking().Where(p => p.ClaimToken != null).Select(p => new { p.Id, p.ClaimToken }).ToListAsync());
            Assert.Equal(a.Count + b.Count, held.Count);
            Assert.All(claims.SelectMany(c => c), claim => Assert.Equal(claim.Token, held.Single(h => h.Id == claim.PushId).ClaimToken));
            // Released for the next round as an attempt would: pushed, so that they are no longer due.
            await app.WriteAsync(db => db.DigestPushes.Where(p => p.ClaimToken != null).ExecuteUpdate(set => set.SetProperty(p => p.State, PushState.Succeeded).SetProperty(p => p.ClaimToken, (Guid?)null)));
            await app.WriteAsync(db => db.DigestPushes.Where(p => p.State == PushState.Pending).ExecuteUpdate(set => set.SetProperty(p => p.State, PushState.Exhausted)));
        }

        Assert.Equal(0, overlaps);
        Assert.True(claimedInAll >= Rounds * 20, $"only {claimedInAll} claims in {Rounds} rounds: the race did not claim a batch each round");
    }

    private DigestPushDispatcher Dispatcher() => PushDispatchers.Of(app);

    private async Task<(Guid Regulator, Consultation Consultation)> ClosedConsultationAsync()
    {
        var regulator = Sample.NewRegulator();
        var consultation = Sample.ClosedConsultation(regulator);
        await app.WriteAsync(db =>
        {
            db.Regulators.Add(regulator);
            db.Consultations.Add(consultation);
        });
        return (regulator.Id, consultation);
    }

}
