using MassTransit;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.Contracts;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.RegulatorLiaison.Positions;
using PolicyEngage.RegulatorLiaison.Tests.Support;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;
using PolicyEngage.Testing.Events;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.RegulatorLiaison.Tests;

/// <summary>The consumers on a real SQLite file behind MassTransit's in-memory harness: a redelivered message id changes nothing.</summary>
public sealed class ConsumerIdempotencyTests : IAsyncLifetime
{
    /// <summary>No close time: the consultation is still open, so no submission is late.</summary>
    private static readonly DateTime? OpenConsultation = null;

    private readonly Guid _consultationId = Guid.CreateVersion7();
    private ConsumerHarness<RegulatorLiaisonDbContext, SqliteRegulatorLiaisonDbContext> _consumers = null!;

    public async Task InitializeAsync() =>
        _consumers = await ConsumerHarness<RegulatorLiaisonDbContext, SqliteRegulatorLiaisonDbContext>.StartAsync(bus =>
        {
            bus.AddConsumer<PositionPaperSubmittedConsumer>();
            bus.AddConsumer<ReviewCompletedConsumer>();
            bus.AddConsumer<PositionPaperWithdrawnConsumer>();
        });

    public async Task DisposeAsync() => await _consumers.DisposeAsync();

    private async Task<TrackedPaper> PaperAsync(Guid paperId)
    {
        await using var db = _consumers.Database.Open();
        return await db.TrackedPapers.AsNoTracking().SingleAsync(p => p.PaperId == paperId);
    }

    [Fact]
    public async Task A_submission_redelivered_under_the_same_message_id_changes_nothing()
    {
        var submitted = PaperEvents.Submitted(_consultationId, Guid.CreateVersion7(), 1, "acme");

        await _consumers.DeliverAsync(submitted);
        // A redelivery (same event id) with different content: only the inbox can explain it being ignored.
        await _consumers.DeliverAsync(submitted with { Title = "Rewritten", Version = 2 });

        var paper = await PaperAsync(submitted.PaperId);
        var version = Assert.Single(paper.Versions);
        Assert.Equal((1, submitted.Title), (version.Version, version.Title));
        await using var db = _consumers.Database.Open();
        var inboxName = InboxNameAttribute.Of(typeof(PositionPaperSubmittedConsumer));
        Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.MessageId == submitted.EventId && m.Consumer == inboxName));
    }

    [Fact]
    public async Task A_review_redelivered_under_the_same_message_id_changes_nothing()
    {
        var submitted = PaperEvents.Submitted(_consultationId, Guid.CreateVersion7(), 1, "acme");
        var review = ReviewEvents.Completed(submitted, ReviewOutcome.Approve);

        // The review overtakes the submission, and is then redelivered (same event id) claiming a rejection of version 2.
        await _consumers.DeliverAsync(review);
        await _consumers.DeliverAsync(review with { Version = 2, Outcome = ReviewOutcome.Reject });
        await _consumers.DeliverAsync(submitted);

        var paper = await PaperAsync(submitted.PaperId);
        Assert.Equal(PaperStanding.Approved, paper.StandingAt(OpenConsultation));
        Assert.Equal(submitted.Body, paper.PositionAt(OpenConsultation)?.Body);
    }

    [Fact]
    public async Task A_withdrawal_redelivered_under_the_same_message_id_changes_nothing()
    {
        var submitted = PaperEvents.Submitted(_consultationId, Guid.CreateVersion7(), 1, "acme");
        var withdrawn = PaperEvents.Withdrawn(submitted);

        await _consumers.DeliverAsync(withdrawn);
        await _consumers.DeliverAsync(withdrawn with { Organisation = "someone-else", Version = 7 });

        var paper = await PaperAsync(submitted.PaperId);
        Assert.Equal(("acme", withdrawn.OccurredAt, 1), (paper.Organisation, paper.WithdrawnAt, paper.WithdrawnVersion));
        Assert.Equal(PaperStanding.Withdrawn, paper.StandingAt(OpenConsultation));
    }
}
