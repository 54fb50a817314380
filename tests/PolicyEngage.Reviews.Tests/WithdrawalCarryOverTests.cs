using MassTransit;
using MassTransit.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using PolicyEngage.Contracts;
using PolicyEngage.Reviews.Data;
using PolicyEngage.Reviews.ReviewCases;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Events;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.Reviews.Tests;

/// <summary>
/// Before OneRowPerReviewedPaper a withdrawal heard of before its submission was a PaperWithdrawals row; the migration
/// must carry it over, or the late submission would open a case for a withdrawn paper after the upgrade.
/// </summary>
public sealed class WithdrawalCarryOverTests : IDisposable
{
    private readonly TempDirectory _files = new();

    private string ConnectionString => $"Data Source={_files.File("reviews.db")}";

    [Fact]
    public async Task A_withdrawal_heard_of_before_the_upgrade_still_withdraws_the_case_its_late_submission_opens()
    {
        var submitted = PaperEvents.Submitted(Guid.CreateVersion7(), Guid.CreateVersion7(), 2, "acme");
        await using (var db = Context())
        {
            await db.GetService<IMigrator>().MigrateAsync(db.MigrationBefore("OneRowPerReviewedPaper"));
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO PaperWithdrawals (PaperId, Version, WithdrawnAt) VALUES ({submitted.PaperId}, {2}, {ConsultationStory.Start})");

            await db.Database.MigrateAsync();
        }

        await DeliverAsync(submitted);

        await using (var db = Context())
        {
            var reviewCase = await db.ReviewCases.SingleAsync(c => c.PaperId == submitted.PaperId);
            Assert.Equal(ReviewCaseStatus.Withdrawn, reviewCase.Status);
            Assert.Equal(2, (await db.ReviewedPapers.SingleAsync(p => p.PaperId == submitted.PaperId)).WithdrawnVersion);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _files.Dispose();
    }

    private SqliteReviewsDbContext Context() =>
        new(new DbContextOptionsBuilder<SqliteReviewsDbContext>().UseSqlite(ConnectionString).Options);

    private async Task DeliverAsync(IntegrationEvent message)
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddDbContext<ReviewsDbContext, SqliteReviewsDbContext>(db => db.UseSqlite(ConnectionString))
            .AddMassTransitTestHarness(bus => bus.AddConsumers(typeof(PositionPaperSubmittedConsumer).Assembly))
            .BuildServiceProvider(validateScopes: true);
        var harness = services.GetRequiredService<ITestHarness>();
        var consumes = new ConsumeCounter();
        await harness.Start();
        harness.Bus.ConnectConsumeObserver(consumes);

        await harness.Bus.Publish(message, message.GetType(), context => context.MessageId = message.EventId);
        await consumes.WaitForAsync(message.EventId);
        await harness.Stop();
    }
}
