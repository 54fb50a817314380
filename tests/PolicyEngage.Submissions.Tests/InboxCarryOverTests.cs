using MassTransit;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Messaging.Inbox;
using PolicyEngage.Submissions.Data;
using PolicyEngage.Submissions.Papers;
using PolicyEngage.Testing.Services;
using static PolicyEngage.Submissions.Tests.Support.PaperScenario;

namespace PolicyEngage.Submissions.Tests;

/// <summary>
/// Inbox rows written before the StableInboxNames migration carry the consumer's CLR type name; after it, the
/// consumer looks under its declared name. The migration must carry the rows over, or an upgrade re-applies messages.
/// </summary>
public sealed class InboxCarryOverTests : IDisposable
{
    private readonly UpgradedDatabase<SubmissionsDbContext, SqliteSubmissionsDbContext> _database = new();

    [Fact]
    public async Task A_review_applied_before_the_upgrade_is_skipped_when_redelivered_after_it()
    {
        var consultation = OpenConsultation();
        var paper = SubmittedPaper(consultation);
        var review = Review(paper, 1, ReviewOutcome.RequestChanges);
        await _database.MigrateToJustBeforeAsync("StableInboxNames");
        await using (var db = _database.Open())
        {
            // The row alone stands for the earlier application: any change the redelivery makes would be a second one.
            // The name is the one written then, a literal: a later rename of the class must not move it. Written in
            // SQL, as the schema of that time has it; the paper is stored after the upgrade, by today's model.
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO InboxMessages (MessageId, Consumer, ProcessedAt) VALUES ({review.EventId}, {"ReviewCompletedConsumer"}, {Now})");
        }
        await _database.MigrateToLatestAsync();
        await using (var db = _database.Open())
        {
            db.Consultations.Add(consultation);
            db.Papers.Add(paper);
            await db.SaveChangesAsync();
        }

        await _database.DeliverAsync(review, bus => bus.AddConsumers(typeof(ReviewCompletedConsumer).Assembly));

        await using (var db = _database.Open())
        {
            var stored = await db.Papers.SingleAsync(p => p.Id == paper.Id);
            Assert.Equal(PaperStatus.Submitted, stored.Status);
            Assert.Empty(stored.Reviews);
            var row = await db.InboxMessages.SingleAsync(m => m.MessageId == review.EventId);
            Assert.Equal(InboxNameAttribute.Of(typeof(ReviewCompletedConsumer)), row.Consumer);
        }
    }

    public void Dispose() => _database.Dispose();
}
