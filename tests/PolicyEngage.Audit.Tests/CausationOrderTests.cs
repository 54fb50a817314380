using PolicyEngage.Audit.Data;
using PolicyEngage.Audit.Tests.Support;
using PolicyEngage.Testing.Events;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.Audit.Tests;

public sealed class CausationOrderTests
{
    [Fact]
    public async Task A_decision_arriving_before_the_submission_it_names_is_sequenced_after_it()
    {
        using var database = new SqliteTestDatabase<SqliteAuditDbContext>();
        var (regulatorId, consultationId, paperId) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var opened = ConsultationEvents.Opened(consultationId, regulatorId);
        var submitted = PaperEvents.Submitted(consultationId, paperId, causationId: opened.EventId);
        var reviewed = ReviewEvents.Completed(consultationId, paperId, causationId: submitted.EventId);
        var t = ConsultationStory.Start;

        await database.ReceiveAsync(opened, t);
        await database.ReceiveAsync(reviewed, t.AddSeconds(1));

        Assert.Equal([opened.EventId], (await database.EntriesAsync()).Select(e => e.EventId));
        Assert.Equal(1, await database.PendingCountAsync());

        await database.ReceiveAsync(submitted, t.AddSeconds(2));

        var entries = await database.EntriesAsync();
        Assert.Equal([opened.EventId, submitted.EventId, reviewed.EventId], entries.Select(e => e.EventId));
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Sequence));
        Assert.Equal(0, await database.PendingCountAsync());
        Assert.True((await database.VerifyAsync()).Valid);
    }

    [Fact]
    public async Task A_chain_arriving_in_reverse_is_released_whole_by_its_first_event_causes_first()
    {
        using var database = new SqliteTestDatabase<SqliteAuditDbContext>();
        var (regulatorId, consultationId, paperId) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var opened = ConsultationEvents.Opened(consultationId, regulatorId);
        var submitted = PaperEvents.Submitted(consultationId, paperId, causationId: opened.EventId);
        var withdrawn = PaperEvents.Withdrawn(paperId, consultationId: consultationId, causationId: submitted.EventId);
        var t = ConsultationStory.Start;

        await database.ReceiveAsync(withdrawn, t);
        await database.ReceiveAsync(submitted, t.AddSeconds(1));

        Assert.Empty(await database.EntriesAsync());
        Assert.Equal(2, await database.PendingCountAsync());

        await database.ReceiveAsync(opened, t.AddSeconds(2));

        var entries = await database.EntriesAsync();
        Assert.Equal([opened.EventId, submitted.EventId, withdrawn.EventId], entries.Select(e => e.EventId));
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Sequence));
        Assert.Equal(0, await database.PendingCountAsync());
        Assert.True((await database.VerifyAsync()).Valid);
    }

    [Fact]
    public async Task Events_released_together_are_appended_in_the_order_they_arrived()
    {
        using var database = new SqliteTestDatabase<SqliteAuditDbContext>();
        var (regulatorId, consultationId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var opened = ConsultationEvents.Opened(consultationId, regulatorId);
        var one = PaperEvents.Submitted(consultationId, Guid.CreateVersion7(), causationId: opened.EventId);
        var other = PaperEvents.Submitted(consultationId, Guid.CreateVersion7(), causationId: opened.EventId);
        // The larger event id arrives first, so arrival order and id order disagree.
        var (first, second) = one.EventId.CompareTo(other.EventId) > 0 ? (one, other) : (other, one);
        var t = ConsultationStory.Start;

        await database.ReceiveAsync(first, t);
        await database.ReceiveAsync(second, t.AddSeconds(1));
        await database.ReceiveAsync(opened, t.AddSeconds(2));

        Assert.Equal([opened.EventId, first.EventId, second.EventId], (await database.EntriesAsync()).Select(e => e.EventId));
    }

    [Fact]
    public async Task Events_released_together_that_arrived_at_the_same_instant_are_appended_by_event_id()
    {
        using var database = new SqliteTestDatabase<SqliteAuditDbContext>();
        var (regulatorId, consultationId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var opened = ConsultationEvents.Opened(consultationId, regulatorId);
        var one = PaperEvents.Submitted(consultationId, Guid.CreateVersion7(), causationId: opened.EventId);
        var other = PaperEvents.Submitted(consultationId, Guid.CreateVersion7(), causationId: opened.EventId);
        var (larger, smaller) = one.EventId.CompareTo(other.EventId) > 0 ? (one, other) : (other, one);

        await database.ReceiveAsync(larger, ConsultationStory.Start);
        await database.ReceiveAsync(smaller, ConsultationStory.Start);
        await database.ReceiveAsync(opened, ConsultationStory.Start.AddSeconds(1));

        Assert.Equal([opened.EventId, smaller.EventId, larger.EventId], (await database.EntriesAsync()).Select(e => e.EventId));
    }

    [Fact]
    public async Task An_event_whose_cause_is_already_in_the_ledger_is_appended_at_once()
    {
        using var database = new SqliteTestDatabase<SqliteAuditDbContext>();
        var (regulatorId, consultationId, paperId) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var opened = ConsultationEvents.Opened(consultationId, regulatorId);
        var submitted = PaperEvents.Submitted(consultationId, paperId, causationId: opened.EventId);

        await database.ReceiveAsync(opened, ConsultationStory.Start);
        await database.ReceiveAsync(submitted, ConsultationStory.Start.AddSeconds(1));

        var entries = await database.EntriesAsync();
        Assert.Equal([opened.EventId, submitted.EventId], entries.Select(e => e.EventId));
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
        Assert.Equal(0, await database.PendingCountAsync());
    }

    [Fact]
    public async Task An_event_received_again_changes_nothing_whether_sequenced_or_waiting()
    {
        using var database = new SqliteTestDatabase<SqliteAuditDbContext>();
        var (regulatorId, consultationId, paperId) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var opened = ConsultationEvents.Opened(consultationId, regulatorId);
        var submitted = PaperEvents.Submitted(consultationId, paperId, causationId: Guid.CreateVersion7());
        await database.ReceiveAsync(opened, ConsultationStory.Start);
        await database.ReceiveAsync(submitted, ConsultationStory.Start.AddSeconds(1));
        var before = await database.EntriesAsync();

        Assert.False(await database.ReceiveAsync(opened, ConsultationStory.Start.AddSeconds(2), service: "Elsewhere"));
        Assert.False(await database.ReceiveAsync(submitted, ConsultationStory.Start.AddSeconds(3)));

        var after = await database.EntriesAsync();
        Assert.Equal(before.Select(e => (e.Sequence, e.EventId, e.Service, e.Hash)), after.Select(e => (e.Sequence, e.EventId, e.Service, e.Hash)));
        Assert.Equal(1, await database.PendingCountAsync());
    }
}
