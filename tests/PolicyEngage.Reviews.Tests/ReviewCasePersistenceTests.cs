using Microsoft.EntityFrameworkCore;
using PolicyEngage.Contracts;
using PolicyEngage.Reviews.Data;
using PolicyEngage.Reviews.ReviewCases;
using PolicyEngage.Testing.Events;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.Reviews.Tests;

public sealed class ReviewCasePersistenceTests : IDisposable
{
    private readonly SqliteTestDatabase<SqliteReviewsDbContext> _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_decision_commits_with_its_event_in_the_outbox()
    {
        var submitted = PaperEvents.Submitted(organisation: "acme");
        var reviewCaseId = await OpenAsync(submitted);

        await using (var db = _database.Open())
        {
            var reviewCase = await db.ReviewCases.SingleAsync(c => c.Id == reviewCaseId);
            reviewCase.Decide(ReviewOutcome.Approve, "Fine.", "reviewer-7", "globex", DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        await using var after = _database.Open();
        var completed = Assert.IsType<ReviewCompleted>((await after.OutboxMessages.SingleAsync()).DeserializeEvent());
        Assert.Equal((reviewCaseId, submitted.EventId), (completed.ReviewCaseId, completed.CausationId));
        Assert.Equal(ReviewCaseStatus.Decided, (await after.ReviewCases.SingleAsync()).Status);
    }

    [Fact]
    public async Task Of_two_concurrent_decisions_only_the_first_commits()
    {
        var reviewCaseId = await OpenAsync(PaperEvents.Submitted(organisation: "acme"));
        await using var first = _database.Open();
        await using var second = _database.Open();
        var seenByFirst = await first.ReviewCases.SingleAsync(c => c.Id == reviewCaseId);
        var seenBySecond = await second.ReviewCases.SingleAsync(c => c.Id == reviewCaseId);

        seenByFirst.Decide(ReviewOutcome.Approve, "Fine.", "reviewer-7", "globex", DateTime.UtcNow);
        await first.SaveChangesAsync();
        seenBySecond.Decide(ReviewOutcome.Reject, "Not fine.", "reviewer-8", "initech", DateTime.UtcNow);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var after = _database.Open();
        Assert.Equal(ReviewOutcome.Approve, (await after.ReviewCases.SingleAsync()).Decision);
        Assert.Single(await after.OutboxMessages.ToListAsync());
    }

    private async Task<Guid> OpenAsync(PositionPaperSubmitted submitted)
    {
        await using var db = _database.Open();
        var reviewCase = ReviewCase.Open(submitted, DateTime.UtcNow);
        db.ReviewCases.Add(reviewCase);
        await db.SaveChangesAsync();
        return reviewCase.Id;
    }
}
