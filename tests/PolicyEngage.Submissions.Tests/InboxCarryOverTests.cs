using MassTransit;
using MassTransit.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;
using PolicyEngage.Submissions.Data;
using PolicyEngage.Submissions.Papers;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Services;
using static PolicyEngage.Submissions.Tests.Support.PaperScenario;

namespace PolicyEngage.Submissions.Tests;

/// <summary>
/// Inbox rows written before the StableInboxNames migration carry the consumer's CLR type name; after it, the
/// consumer looks under its declared name. The migration must carry the rows over, or an upgrade re-applies messages.
/// </summary>
public sealed class InboxCarryOverTests : IDisposable
{
    private readonly TempDirectory _files = new();

    private string ConnectionString => $"Data Source={_files.File("submissions.db")}";

    [Fact]
    public async Task A_review_applied_before_the_upgrade_is_skipped_when_redelivered_after_it()
    {
        ReviewCompleted review;
        Guid paperId;
        await using (var db = Context())
        {
            await db.GetService<IMigrator>().MigrateAsync(db.MigrationBefore("StableInboxNames"));
            var consultation = OpenConsultation();
            var paper = SubmittedPaper(consultation);
            (review, paperId) = (Review(paper, 1, ReviewOutcome.RequestChanges), paper.Id);
            // The row alone stands for the earlier application: any change the redelivery makes would be a second one.
            // The name is the one written then, a literal: a later rename of the class must not move it. Written in
            // SQL, as the schema of that time has it; the paper is stored after the upgrade, by today's model.
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO InboxMessages (MessageId, Consumer, ProcessedAt) VALUES ({review.EventId}, {"ReviewCompletedConsumer"}, {Now})");

            await db.Database.MigrateAsync();
            db.Consultations.Add(consultation);
            db.Papers.Add(paper);
            await db.SaveChangesAsync();
        }

        await RedeliverAsync(review);

        await using (var db = Context())
        {
            var paper = await db.Papers.SingleAsync(p => p.Id == paperId);
            Assert.Equal(PaperStatus.Submitted, paper.Status);
            Assert.Empty(paper.Reviews);
            var row = await db.InboxMessages.SingleAsync(m => m.MessageId == review.EventId);
            Assert.Equal(InboxNameAttribute.Of(typeof(ReviewCompletedConsumer)), row.Consumer);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _files.Dispose();
    }

    private SqliteSubmissionsDbContext Context() =>
        new(new DbContextOptionsBuilder<SqliteSubmissionsDbContext>().UseSqlite(ConnectionString).Options);

    /// <summary>Publishes under the event's id, as the outbox does, to the service's consumers on the upgraded file.</summary>
    private async Task RedeliverAsync(ReviewCompleted review)
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddDbContext<SubmissionsDbContext, SqliteSubmissionsDbContext>(db => db.UseSqlite(ConnectionString))
            .AddMassTransitTestHarness(bus => bus.AddConsumers(typeof(ReviewCompletedConsumer).Assembly))
            .BuildServiceProvider(validateScopes: true);
        var harness = services.GetRequiredService<ITestHarness>();
        var consumes = new ConsumeCounter();
        await harness.Start();
        harness.Bus.ConnectConsumeObserver(consumes);

        await harness.Bus.Publish(review, context => context.MessageId = review.EventId);
        await consumes.WaitForAsync(review.EventId);
        await harness.Stop();
    }
}
