using MassTransit;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.Contracts;
using PolicyEngage.Reviews.Data;
using PolicyEngage.Reviews.ReviewCases;
using PolicyEngage.Testing.Events;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.Reviews.Tests;

/// <summary>The consumers on MassTransit's in-memory harness over a real SQLite file, one delivery at a time.</summary>
public sealed class ConsumerTests : IAsyncLifetime
{
    private ConsumerHarness<ReviewsDbContext, SqliteReviewsDbContext> _consumers = null!;

    public async Task InitializeAsync() =>
        _consumers = await ConsumerHarness<ReviewsDbContext, SqliteReviewsDbContext>.StartAsync(bus =>
        {
            bus.AddConsumer<PositionPaperSubmittedConsumer>();
            bus.AddConsumer<PositionPaperWithdrawnConsumer>();
        });

    public async Task DisposeAsync() => await _consumers.DisposeAsync();

    [Fact]
    public async Task A_submission_opens_one_case_holding_the_submitted_text()
    {
        var submitted = PaperEvents.Submitted(version: 2);

        await _consumers.DeliverAsync(submitted);

        await using var db = _consumers.Database.Open();
        var reviewCase = await db.ReviewCases.SingleAsync();
        Assert.Equal((submitted.PaperId, 2), (reviewCase.PaperId, reviewCase.PaperVersion));
        Assert.Equal(submitted.Body, reviewCase.Body);
        Assert.Equal(submitted.EventId, reviewCase.SubmittedEventId);
        Assert.Equal(ReviewCaseStatus.Open, reviewCase.Status);
    }

    [Fact]
    public async Task The_same_message_delivered_twice_opens_one_case()
    {
        var submitted = PaperEvents.Submitted();

        await _consumers.DeliverAsync(submitted);
        await _consumers.DeliverAsync(submitted);

        await using var db = _consumers.Database.Open();
        Assert.Single(await db.ReviewCases.ToListAsync());
        Assert.Single(await db.InboxMessages.Where(m => m.MessageId == submitted.EventId).ToListAsync());
    }

    [Fact]
    public async Task The_same_version_announced_again_under_a_new_message_id_opens_one_case()
    {
        var first = PaperEvents.Submitted();
        var again = first with { EventId = Guid.CreateVersion7() };

        await _consumers.DeliverAsync(first);
        await _consumers.DeliverAsync(again);

        await using var db = _consumers.Database.Open();
        var reviewCase = Assert.Single(await db.ReviewCases.ToListAsync());
        Assert.Equal(first.EventId, reviewCase.SubmittedEventId);
        Assert.Equal(2, await db.InboxMessages.CountAsync());
    }

    [Fact]
    public async Task Submissions_that_arrive_after_their_withdrawal_open_withdrawn_cases()
    {
        var paperId = Guid.CreateVersion7();
        var otherPaper = PaperEvents.Submitted(version: 1);

        await _consumers.DeliverAsync(PaperEvents.Withdrawn(paperId, version: 2));
        await _consumers.DeliverAsync(PaperEvents.Submitted(paperId: paperId, version: 1));
        await _consumers.DeliverAsync(PaperEvents.Submitted(paperId: paperId, version: 2));
        await _consumers.DeliverAsync(otherPaper);

        await using var db = _consumers.Database.Open();
        var statuses = await db.ReviewCases.ToDictionaryAsync(c => (c.PaperId, c.PaperVersion), c => c.Status);
        Assert.Equal(ReviewCaseStatus.Withdrawn, statuses[(paperId, 1)]);
        Assert.Equal(ReviewCaseStatus.Withdrawn, statuses[(paperId, 2)]);
        Assert.Equal(ReviewCaseStatus.Open, statuses[(otherPaper.PaperId, 1)]);
    }

    [Fact]
    public async Task A_withdrawal_closes_the_papers_open_cases_and_leaves_decisions_and_other_papers_alone()
    {
        var version1 = PaperEvents.Submitted(version: 1, organisation: "acme");
        var version2 = PaperEvents.Submitted(paperId: version1.PaperId, version: 2, organisation: "acme");
        var otherPaper = PaperEvents.Submitted(version: 1, organisation: "acme");
        await _consumers.DeliverAsync(version1);
        await _consumers.DeliverAsync(otherPaper);
        await using (var db = _consumers.Database.Open())
        {
            var first = await db.ReviewCases.SingleAsync(c => c.PaperId == version1.PaperId);
            first.Decide(ReviewOutcome.RequestChanges, "Cite the standard.", "reviewer-7", "globex", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }
        await _consumers.DeliverAsync(version2);

        await _consumers.DeliverAsync(PaperEvents.Withdrawn(version1.PaperId, version: 2));

        await using var after = _consumers.Database.Open();
        var statuses = await after.ReviewCases.ToDictionaryAsync(c => (c.PaperId, c.PaperVersion), c => c.Status);
        Assert.Equal(ReviewCaseStatus.Decided, statuses[(version1.PaperId, 1)]);
        Assert.Equal(ReviewCaseStatus.Withdrawn, statuses[(version1.PaperId, 2)]);
        Assert.Equal(ReviewCaseStatus.Open, statuses[(otherPaper.PaperId, 1)]);
        Assert.Equal(2, (await after.ReviewedPapers.SingleAsync(p => p.PaperId == version1.PaperId)).WithdrawnVersion);
        Assert.Null((await after.ReviewedPapers.SingleAsync(p => p.PaperId == otherPaper.PaperId)).WithdrawnVersion);
    }
}
