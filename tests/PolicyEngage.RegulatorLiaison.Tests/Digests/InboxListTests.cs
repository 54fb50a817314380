using System.Net;
using PolicyEngage.RegulatorLiaison.Consultations;
using PolicyEngage.RegulatorLiaison.Digests;
using PolicyEngage.RegulatorLiaison.Tests.Support;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Lists;

namespace PolicyEngage.RegulatorLiaison.Tests.Digests;

/// <summary>
/// <c>GET /api/regulator/inbox</c> pages the caller's delivered (or acknowledged) digests in the order they were compiled
/// (SPEC, "HTTP API"); its cursor is looked for among those alone, so it never tells of another regulator's digests.
/// </summary>
public sealed class InboxListTests(RegulatorLiaisonApp app) : IClassFixture<RegulatorLiaisonApp>
{
    private async Task<Consultation> ClosedConsultationAsync()
    {
        var regulator = Sample.NewRegulator();
        var consultation = Sample.ClosedConsultation(regulator);
        await app.WriteAsync(db =>
        {
            db.Regulators.Add(regulator);
            db.Consultations.Add(consultation);
        });
        return consultation;
    }

    private async Task<Guid> AddAsync(Digest digest)
    {
        await app.WriteAsync(db => db.Digests.Add(digest));
        return digest.Id;
    }

    private HttpClient DeskOf(Consultation consultation) => app.ClientAs(Roles.Regulator, subject: "desk-1", regulator: consultation.RegulatorId);

    [Fact]
    public async Task Paging_meets_each_digest_delivered_to_the_caller_once_in_the_order_compiled_while_more_arrive()
    {
        var (ours, theirs) = (await ClosedConsultationAsync(), await ClosedConsultationAsync());
        var acknowledged = Sample.DeliveredDigest(ours);
        acknowledged.Acknowledge(acknowledged.ContentHash, "desk-1", Sample.Now.AddDays(3), ledgerCheckpoint: null);
        var delivered = new List<Guid>
        {
            await AddAsync(Sample.DeliveredDigest(ours)),
            await AddAsync(acknowledged),
        };
        var theirsDelivered = new List<Guid> { await AddAsync(Sample.DeliveredDigest(theirs)) };
        await AddAsync(Sample.CompiledDigest(ours));
        delivered.Add(await AddAsync(Sample.DeliveredDigest(ours)));

        var seen = await ListPages.FollowAsync(DeskOf(ours), "/api/regulator/inbox?limit=2", async pages =>
        {
            // Two of ours for each page of two read, around theirs and one not yet delivered: the reader is always behind.
            if (pages > 3) return;
            delivered.Add(await AddAsync(Sample.DeliveredDigest(ours)));
            theirsDelivered.Add(await AddAsync(Sample.DeliveredDigest(theirs)));
            await AddAsync(Sample.CompiledDigest(ours));
            delivered.Add(await AddAsync(Sample.DeliveredDigest(ours)));
        });
        var seenByThem = await ListPages.FollowAsync(DeskOf(theirs), "/api/regulator/inbox?limit=1", _ => Task.CompletedTask);

        Assert.Equal(delivered, seen);
        Assert.Equal(9, delivered.Count);
        Assert.Equal(theirsDelivered, seenByThem);
    }

    [Fact]
    public async Task A_page_links_the_next_by_a_relative_reference_to_its_last_id_and_the_last_page_links_none()
    {
        var consultation = await ClosedConsultationAsync();
        var delivered = new List<Guid>();
        for (var i = 0; i < 3; i++) delivered.Add(await AddAsync(Sample.DeliveredDigest(consultation)));

        await ListPages.AssertLinksAsync(DeskOf(consultation), "/api/regulator/inbox", delivered);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("after=not-an-id", "after")]
    public async Task A_bad_limit_or_a_malformed_cursor_is_a_problem_naming_it(string query, string field)
    {
        var consultation = await ClosedConsultationAsync();
        await AddAsync(Sample.DeliveredDigest(consultation));

        using var response = await DeskOf(consultation).GetAsync($"/api/regulator/inbox?{query}");

        await ProblemAssert.NamesFieldAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Null(NextLink.Of(response));
    }

    [Fact]
    public async Task A_cursor_naming_another_regulators_digest_or_an_undelivered_one_is_refused_as_an_unknown_one_is()
    {
        var (ours, theirs) = (await ClosedConsultationAsync(), await ClosedConsultationAsync());
        await AddAsync(Sample.DeliveredDigest(ours));
        var cursors = new[] { await AddAsync(Sample.DeliveredDigest(theirs)), await AddAsync(Sample.CompiledDigest(ours)), Guid.CreateVersion7() };
        var desk = DeskOf(ours);

        var problems = new List<string>();
        foreach (var cursor in cursors)
        {
            using var response = await desk.GetAsync($"/api/regulator/inbox?after={cursor}");
            await ProblemAssert.NamesFieldAsync(response, HttpStatusCode.BadRequest, "after");
            problems.Add((await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors").GetRawText());
        }

        Assert.Single(problems.Distinct());
        Assert.Single(await ListPages.IdsAsync(await desk.GetAsync("/api/regulator/inbox")));
    }
}
