using MassTransit;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.Contracts;
using PolicyEngage.Submissions.Consultations;
using PolicyEngage.Submissions.Data;
using PolicyEngage.Submissions.Papers;
using PolicyEngage.Testing.Events;
using PolicyEngage.Testing.Services;
using static PolicyEngage.Submissions.Tests.Support.PaperScenario;

namespace PolicyEngage.Submissions.Tests;

/// <summary>The consumers against a real SQLite file, driven through MassTransit's in-memory harness.</summary>
public sealed class ConsumerTests : IAsyncLifetime
{
    private ConsumerHarness<SubmissionsDbContext, SqliteSubmissionsDbContext> _consumers = null!;

    public async Task InitializeAsync() =>
        _consumers = await ConsumerHarness<SubmissionsDbContext, SqliteSubmissionsDbContext>.StartAsync(bus => bus.AddConsumers(typeof(ReviewCompletedConsumer).Assembly));

    public async Task DisposeAsync() => await _consumers.DisposeAsync();

    [Fact]
    public async Task A_redelivered_review_is_applied_once()
    {
        var paperId = await SeedSubmittedPaperAsync();
        var paper = await _consumers.ReadAsync(db => db.Papers.SingleAsync(p => p.Id == paperId));
        var review = Review(paper, 1, ReviewOutcome.RequestChanges);

        await _consumers.DeliverAsync(review, times: 2);

        var stored = await _consumers.ReadAsync(db => db.Papers.SingleAsync(p => p.Id == paperId));
        Assert.Equal(PaperStatus.ChangesRequested, stored.Status);
        Assert.Single(stored.Reviews);
        Assert.Equal(1, await _consumers.ReadAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == review.EventId)));
    }

    [Fact]
    public async Task A_close_that_overtakes_its_opening_leaves_the_replica_closed()
    {
        var opened = Opened();
        var closed = ConsultationEvents.Closed(opened.ConsultationId, opened.RegulatorId, ConsultationCloseReason.DeadlinePassed) with { OccurredAt = Now, Actor = "system" };

        await _consumers.DeliverAsync(closed);
        await _consumers.DeliverAsync(opened);

        var replica = await _consumers.ReadAsync(db => db.Consultations.SingleAsync(c => c.Id == opened.ConsultationId));
        Assert.True(replica.IsClosed);
        Assert.Equal(opened.ClosesAt, replica.ClosesAt);
    }

    [Fact]
    public async Task A_delivered_digest_locks_its_papers_against_withdrawal()
    {
        var paperId = await SeedSubmittedPaperAsync();
        var delivered = DigestEvents.Delivered(DigestEvents.Compiled(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), null, paperId)) with { OccurredAt = Now };

        await _consumers.DeliverAsync(delivered);

        Assert.True(await _consumers.ReadAsync(db => db.Papers.Where(p => p.Id == paperId).Select(p => p.DeliveredToRegulator).SingleAsync()));
    }

    private async Task<Guid> SeedSubmittedPaperAsync()
    {
        var consultation = OpenConsultation();
        var paper = SubmittedPaper(consultation);
        await _consumers.WriteAsync(db =>
        {
            db.Consultations.Add(consultation);
            db.Papers.Add(paper);
        });
        return paper.Id;
    }
}
