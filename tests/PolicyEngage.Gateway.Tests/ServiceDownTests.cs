using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PolicyEngage.Gateway.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;
using Xunit.Abstractions;

namespace PolicyEngage.Gateway.Tests;

/// <summary>
/// A service stopped, hung or restarted behind the gateway. Each test starts its own gateway, because circuits are
/// state that must not leak from one test into another.
/// </summary>
public sealed class ServiceDownTests(ITestOutputHelper output)
{
    /// <summary>The bound on answering for a stopped service: a contract, not a benchmark.</summary>
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(2);

    private const string PaperPath = "/api/papers/0197a3c2-0000-7000-8000-000000000001";

    /// <summary>Enough failures in a row to open a circuit whose minimum throughput is 2 and failure ratio 0.5.</summary>
    private const int FailuresToOpen = 2;

    public static TheoryData<string, string> SubmissionsRoutes() => new()
    {
        { "GET", PaperPath },
        { "POST", "/api/papers" },
    };

    [Theory]
    [MemberData(nameof(SubmissionsRoutes))]
    public async Task A_stopped_service_is_a_503_problem_with_retry_after_within_two_seconds(string method, string path)
    {
        var deadPort = SwitchableStandIn.UnusedLoopbackPort();
        await using var reviews = await StartedAsync(new SwitchableStandIn("reviews"));
        await using var gateway = StartGateway(new() { ["submissions"] = $"http://127.0.0.1:{deadPort}", ["reviews"] = reviews.Address });
        using var client = ClientOf(gateway);
        // Through a live service first, so that the measurement is of the failure path and not of the first request's JIT.
        await (await client.SendAsync(HttpMethod.Get, "/api/reviews?status=Open", Tokens.For(Roles.Reviewer))).AssertProxiedAsync();

        var (response, elapsed) = await TimedAsync(() => client.SendAsync(new HttpMethod(method), path, Tokens.For(Roles.PolicyAuthor), BodyFor(method)));

        var problem = await AssertUnavailableAsync(response, elapsed);
        Assert.DoesNotContain("127.0.0.1", problem.GetRawText());
        Assert.DoesNotContain(deadPort.ToString(CultureInfo.InvariantCulture), problem.GetRawText());
    }

    [Fact]
    public async Task A_service_that_accepts_no_connection_is_a_503_after_the_connect_timeout()
    {
        using var unresponsive = SaturatedListener.Start();
        await using var gateway = StartGateway(new() { ["submissions"] = $"http://127.0.0.1:{unresponsive.Port}" }, new() { ["ConnectTimeout"] = "00:00:00.3" });
        using var client = ClientOf(gateway);

        var answer = await TimedAsync(() => GetPaperAsync(client));

        await AssertUnavailableAsync(answer);
        Assert.True(answer.Elapsed >= TimeSpan.FromMilliseconds(250), $"Answered after {answer.Elapsed}, before the connect timeout.");
    }

    [Fact]
    public async Task After_enough_failures_the_circuit_opens_and_refuses_without_calling_the_service()
    {
        await using var submissions = await StartedAsync(new SwitchableStandIn("submissions"));
        await using var gateway = StartGateway(new() { ["submissions"] = submissions.Address }, ShortCircuit(breakDuration: "00:00:30"));
        using var client = ClientOf(gateway);
        await (await GetPaperAsync(client)).AssertProxiedAsync();

        await StopAndOpenCircuitAsync(submissions, client);
        await submissions.StartAsync();

        for (var i = 0; i < 3; i++)
        {
            var refused = await TimedAsync(() => GetPaperAsync(client));
            await AssertUnavailableAsync(refused);
            Assert.Equal("30", refused.Response.Headers.GetValues("Retry-After").Single());
        }
        var post = await TimedAsync(() => client.SendAsync(HttpMethod.Post, "/api/papers", Tokens.For(Roles.PolicyAuthor), BodyFor("POST")));
        await AssertUnavailableAsync(post);
        Assert.Equal(1, submissions.Requests);
    }

    [Fact]
    public async Task When_the_service_returns_requests_succeed_again_after_the_break_without_restarting_the_gateway()
    {
        await using var submissions = await StartedAsync(new SwitchableStandIn("submissions"));
        await using var gateway = StartGateway(new() { ["submissions"] = submissions.Address }, ShortCircuit(breakDuration: "00:00:01"));
        using var client = ClientOf(gateway);
        await (await GetPaperAsync(client)).AssertProxiedAsync();
        await StopAndOpenCircuitAsync(submissions, client);

        await submissions.StartAsync();
        var clock = Stopwatch.StartNew();
        while ((await GetPaperAsync(client)).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "The gateway did not reach the returned service within 10 s.");
            await Task.Delay(50);
        }
        output.WriteLine($"Recovered {clock.ElapsedMilliseconds} ms after the service returned.");

        var post = await client.SendAsync(HttpMethod.Post, "/api/papers", Tokens.For(Roles.PolicyAuthor), BodyFor("POST"));
        Assert.Equal("POST", (await post.AssertProxiedAsync()).Method);
    }

    [Fact]
    public async Task Another_service_keeps_answering_while_one_circuit_is_open()
    {
        await using var submissions = await StartedAsync(new SwitchableStandIn("submissions"));
        await using var reviews = await StartedAsync(new SwitchableStandIn("reviews"));
        await using var gateway = StartGateway(new() { ["submissions"] = submissions.Address, ["reviews"] = reviews.Address }, ShortCircuit(breakDuration: "00:00:30"));
        using var client = ClientOf(gateway);
        await (await GetPaperAsync(client)).AssertProxiedAsync();
        await StopAndOpenCircuitAsync(submissions, client);
        await submissions.StartAsync();

        await AssertUnavailableAsync(await TimedAsync(() => GetPaperAsync(client)));
        var review = await client.SendAsync(HttpMethod.Get, "/api/reviews?status=Open", Tokens.For(Roles.Reviewer));

        Assert.Equal("reviews", (await review.AssertProxiedAsync()).Service);
        Assert.Equal(1, submissions.Requests);
    }

    [Fact]
    public async Task A_hung_service_is_a_503_after_the_attempt_timeout_and_its_circuit_opens()
    {
        await using var submissions = await StartedAsync(new SwitchableStandIn("submissions", hangs: true));
        await using var gateway = StartGateway(new() { ["submissions"] = submissions.Address }, ShortCircuit(breakDuration: "00:00:30", attemptTimeout: "00:00:00.3"));
        using var client = ClientOf(gateway);

        for (var i = 0; i < FailuresToOpen; i++)
        {
            var timedOut = await TimedAsync(() => GetPaperAsync(client));
            await AssertUnavailableAsync(timedOut);
            Assert.True(timedOut.Elapsed >= TimeSpan.FromMilliseconds(250), $"Answered after {timedOut.Elapsed}, before the attempt timeout.");
        }
        await AssertUnavailableAsync(await TimedAsync(() => GetPaperAsync(client)));

        Assert.Equal(FailuresToOpen, submissions.Requests);
    }

    [Fact]
    public async Task A_route_that_names_its_own_attempt_timeout_waits_past_the_default_while_the_others_keep_it()
    {
        // The shipped route table: verify and export name five minutes, the checkpoint route names none.
        await using var audit = await StartedAsync(new SwitchableStandIn("audit", answersAfter: TimeSpan.FromSeconds(1)));
        await using var gateway = StartGateway(new() { ["audit"] = audit.Address }, new() { ["AttemptTimeout"] = "00:00:00.3" });
        using var client = ClientOf(gateway);

        foreach (var path in new[] { "/api/audit/verify?full=true", "/api/audit/export" })
        {
            var slow = await TimedAsync(() => client.SendAsync(HttpMethod.Get, path, Tokens.For(Roles.Auditor)));
            Assert.Equal("audit", (await slow.Response.AssertProxiedAsync()).Service);
            Assert.True(slow.Elapsed >= TimeSpan.FromSeconds(1), $"{path} answered after {slow.Elapsed}, before the stand-in did.");
        }
        await AssertUnavailableAsync(await TimedAsync(() => client.SendAsync(HttpMethod.Get, "/api/audit/checkpoint", Tokens.For(Roles.Auditor))));
    }

    [Fact]
    public async Task Timed_out_requests_with_a_body_do_not_open_the_circuit_so_a_slow_uploader_cannot_shut_a_service_for_everyone()
    {
        await using var submissions = await StartedAsync(new SwitchableStandIn("submissions", hangs: true));
        await using var gateway = StartGateway(new() { ["submissions"] = submissions.Address }, ShortCircuit(breakDuration: "00:00:30", attemptTimeout: "00:00:00.3"));
        using var client = ClientOf(gateway);

        for (var i = 0; i < FailuresToOpen + 2; i++)
            await AssertUnavailableAsync(await TimedAsync(() => client.SendAsync(HttpMethod.Post, "/api/papers", Tokens.For(Roles.PolicyAuthor), BodyFor("POST"))));

        Assert.Equal(FailuresToOpen + 2, submissions.Requests);
    }

    /// <summary>Stops the submissions stand-in and fails enough calls to its route to open its circuit.</summary>
    private async Task StopAndOpenCircuitAsync(SwitchableStandIn submissions, HttpClient client)
    {
        await submissions.StopAsync();
        for (var i = 0; i < FailuresToOpen; i++) await AssertUnavailableAsync(await TimedAsync(() => GetPaperAsync(client)));
    }

    private async Task<JsonElement> AssertUnavailableAsync((HttpResponseMessage Response, TimeSpan Elapsed) answer) =>
        await AssertUnavailableAsync(answer.Response, answer.Elapsed);

    private async Task<JsonElement> AssertUnavailableAsync(HttpResponseMessage response, TimeSpan elapsed)
    {
        output.WriteLine($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: {(int)response.StatusCode} in {elapsed.TotalMilliseconds:F0} ms");
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Service unavailable", problem.GetProperty("title").GetString());
        Assert.InRange(int.Parse(response.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, 3600);
        Assert.True(elapsed < AnswerBound, $"Answered after {elapsed}, over the {AnswerBound} bound.");
        return problem;
    }

    private static async Task<(HttpResponseMessage Response, TimeSpan Elapsed)> TimedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var clock = Stopwatch.StartNew();
        var response = await send();
        return (response, clock.Elapsed);
    }

    private static Task<HttpResponseMessage> GetPaperAsync(HttpClient client) =>
        client.SendAsync(HttpMethod.Get, PaperPath, Tokens.For(Roles.PolicyAuthor));

    private static async Task<SwitchableStandIn> StartedAsync(SwitchableStandIn standIn)
    {
        await standIn.StartAsync();
        return standIn;
    }

    private static Dictionary<string, string> ShortCircuit(string breakDuration, string? attemptTimeout = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["FailureRatio"] = "0.5",
            ["MinimumThroughput"] = "2",
            ["SamplingDuration"] = "00:00:30",
            ["BreakDuration"] = breakDuration,
        };
        if (attemptTimeout is not null) settings["AttemptTimeout"] = attemptTimeout;
        return settings;
    }

    /// <summary>A Development gateway with the named clusters' destinations replaced and the resilience settings given.</summary>
    private static GatewayFactory StartGateway(Dictionary<string, string> destinations, Dictionary<string, string>? resilience = null) =>
        GatewayFactory.Start("Development",
        [
            .. destinations.Select(destination => KeyValuePair.Create($"ReverseProxy:Clusters:{destination.Key}:Destinations:primary:Address", (string?)destination.Value)),
            .. (resilience ?? []).Select(setting => KeyValuePair.Create($"Resilience:{setting.Key}", (string?)setting.Value)),
            KeyValuePair.Create("RateLimiting:PermitsPerSecond", (string?)"100000"),
            KeyValuePair.Create("RateLimiting:Burst", (string?)"100000"),
        ]);

    private static HttpClient ClientOf(GatewayFactory gateway)
    {
        var client = gateway.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(15);
        return client;
    }

    private static HttpContent? BodyFor(string method) => method is "POST" or "PUT" ? JsonContent.Create(new { title = "t" }) : null;
}
