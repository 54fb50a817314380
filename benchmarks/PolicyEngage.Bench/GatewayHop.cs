using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;

namespace PolicyEngage.Bench;

/// <summary>
/// P1: what the gateway's hop costs. The same route, <c>GET /api/consultations/{id}</c> with a valid bearer token, in the
/// same RegulatorLiaison process (the service that serves it), asked through the gateway and straight at the service by
/// the same closed-loop driver; requests per second through the gateway ÷ straight, at three concurrencies. Both answer
/// from the same handler, so the ratio is the gateway's own cost (its token check, route, rate limiter and proxying).
/// </summary>
internal static class GatewayHop
{
    public const string Figure = "P1 gateway ÷ direct";

    public static async Task<IReadOnlyList<ResultRow>> MeasureAsync(BenchSystem system, BenchScale scale)
    {
        var (rounds, warmUp, duration) = scale == BenchScale.Quick
            ? (1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3))
            : (3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4));
        var liaison = await system.Client().SignInAsync("bench-p1-liaison", Roles.LiaisonOfficer);
        var regulator = await FlowSteps.RegisterRegulatorAsync(liaison, "P1 regulator");
        var consultation = await FlowSteps.OpenConsultationAsync(liaison, regulator, "P1");
        var path = $"/api/consultations/{consultation}";
        // Any signed-in role may read a consultation; the token is valid ten minutes, longer than the figure takes.
        var token = TestTokens.Issue(Roles.Reviewer, "bench-p1-reader", "bench-readers");

        // Unmeasured, once for the figure: a service just started is still tiering its code up for the first seconds
        // of load, and the side measured first would pay for it.
        await HttpLoad.RunAsync(system.Service("RegulatorLiaison").BaseAddress, path, token, 16, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        await HttpLoad.RunAsync(system.Gateway.BaseAddress, path, token, 16, TimeSpan.Zero, TimeSpan.FromSeconds(5));

        var rows = new List<ResultRow>();
        foreach (var workers in new[] { 16, 32, 64 })
        {
            var (direct, gateway) = (new List<double>(), new List<double>());
            for (var round = 0; round < rounds; round++)
            {
                direct.Add(Answered(await HttpLoad.RunAsync(system.Service("RegulatorLiaison").BaseAddress, path, token, workers, warmUp, duration), "straight"));
                gateway.Add(Answered(await HttpLoad.RunAsync(system.Gateway.BaseAddress, path, token, workers, warmUp, duration), "through the gateway"));
            }
            rows.Add(new ResultRow(Figure, $"{workers} workers, median of {rounds} × {duration.TotalSeconds:N0} s",
                new Quantity(Percentiles.Of(gateway, 0.5), "req/s"), new Quantity(Percentiles.Of(direct, 0.5), "req/s"), Goal.RatioAtLeast(0.7)));
        }
        return rows;
    }

    /// <summary>Any answer but 200 fails the figure: a rate of refusals is no rate of the route.</summary>
    private static double Answered(LoadResult load, string how) => load.Failures == 0
        ? load.RequestsPerSecond
        : throw new InvalidOperationException($"{load.Failures} answers {how} were not 200; the first: {load.FirstFailure}.");
}
