using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyEngage.Contracts;
using PolicyEngage.Submissions.Consultations;
using PolicyEngage.Submissions.Data;
using PolicyEngage.Submissions.Papers;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Events;
using PolicyEngage.Testing.Services;
using static PolicyEngage.Submissions.Tests.Support.PaperScenario;

namespace PolicyEngage.Submissions.Tests;

/// <summary>The consumers against a real SQLite file, driven through MassTransit's in-memory harness.</summary>
public sealed class ConsumerTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase<SqliteSubmissionsDbContext> _database = new();
    private ServiceProvider _services = null!;
    private ITestHarness _harness = null!;
    private readonly ConsumeCounter _consumes = new();

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddDbContext<SubmissionsDbContext, SqliteSubmissionsDbContext>(db => db.UseSqlite(_database.ConnectionString))
            .AddMassTransitTestHarness(bus => bus.AddConsumers(typeof(ReviewCompletedConsumer).Assembly))
            .BuildServiceProvider(validateScopes: true);
        _harness = _services.GetRequiredService<ITestHarness>();
        await _harness.Start();
        _harness.Bus.ConnectConsumeObserver(_consumes);
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _services.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task A_redelivered_review_is_applied_once()
    {
        var paperId = await SeedSubmittedPaperAsync();
        var paper = await ReadAsync(db => db.Papers.SingleAsync(p => p.Id == paperId));
        var review = Review(paper, 1, ReviewOutcome.RequestChanges);

        await DeliverAsync(review, times: 2);

        var stored = await ReadAsync(db => db.Papers.SingleAsync(p => p.Id == paperId));
        Assert.Equal(PaperStatus.ChangesRequested, stored.Status);
        Assert.Single(stored.Reviews);
        Assert.Equal(1, await ReadAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == review.EventId)));
    }

    [Fact]
    public async Task A_close_that_overtakes_its_opening_leaves_the_replica_closed()
    {
        var opened = Opened();
        var closed = ConsultationEvents.Closed(opened.ConsultationId, opened.RegulatorId, ConsultationCloseReason.DeadlinePassed) with { OccurredAt = Now, Actor = "system" };

        await DeliverAsync(closed);
        await DeliverAsync(opened);

        var replica = await ReadAsync(db => db.Consultations.SingleAsync(c => c.Id == opened.ConsultationId));
        Assert.True(replica.IsClosed);
        Assert.Equal(opened.ClosesAt, replica.ClosesAt);
    }

    [Fact]
    public async Task A_delivered_digest_locks_its_papers_against_withdrawal()
    {
        var paperId = await SeedSubmittedPaperAsync();
        var delivered = DigestEvents.Delivered(DigestEvents.Compiled(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), null, paperId)) with { OccurredAt = Now };

        await DeliverAsync(delivered);

        Assert.True(await ReadAsync(db => db.Papers.Where(p => p.Id == paperId).Select(p => p.DeliveredToRegulator).SingleAsync()));
    }

    private async Task<Guid> SeedSubmittedPaperAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SubmissionsDbContext>();
        var consultation = OpenConsultation();
        var paper = SubmittedPaper(consultation);
        db.Consultations.Add(consultation);
        db.Papers.Add(paper);
        await db.SaveChangesAsync();
        return paper.Id;
    }

    private async Task DeliverAsync<T>(T message, int times = 1) where T : IntegrationEvent
    {
        for (var i = 0; i < times; i++)
        {
            await _harness.Bus.Publish(message, context => context.MessageId = message.EventId);
        }
        await _consumes.WaitForAsync(message.EventId, times);
    }

    private async Task<T> ReadAsync<T>(Func<SubmissionsDbContext, Task<T>> read)
    {
        await using var scope = _services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<SubmissionsDbContext>());
    }
}
