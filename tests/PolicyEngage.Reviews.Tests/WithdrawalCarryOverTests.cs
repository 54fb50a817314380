using MassTransit;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.Reviews.Data;
using PolicyEngage.Reviews.ReviewCases;
using PolicyEngage.Testing.Events;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.Reviews.Tests;

/// <summary>
/// Before OneRowPerReviewedPaper a withdrawal heard of before its submission was a PaperWithdrawals row; the migration
/// must carry it over, or the late submission would open a case for a withdrawn paper after the upgrade.
/// </summary>
public sealed class WithdrawalCarryOverTests : IDisposable
{
    private readonly UpgradedDatabase<ReviewsDbContext, SqliteReviewsDbContext> _database = new();

    [Fact]
    public async Task A_withdrawal_heard_of_before_the_upgrade_still_withdraws_the_case_its_late_submission_opens()
    {
        var submitted = PaperEvents.Submitted(Guid.CreateVersion7(), Guid.CreateVersion7(), 2, "acme");
        await _database.MigrateToJustBeforeAsync("OneRowPerReviewedPaper");
        await using (var db = _database.Open())
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO PaperWithdrawals (PaperId, Version, WithdrawnAt) VALUES ({submitted.PaperId}, {2}, {ConsultationStory.Start})");
        }
        await _database.MigrateToLatestAsync();

        await _database.DeliverAsync(submitted, bus => bus.AddConsumers(typeof(PositionPaperSubmittedConsumer).Assembly));

        await using (var db = _database.Open())
        {
            var reviewCase = await db.ReviewCases.SingleAsync(c => c.PaperId == submitted.PaperId);
            Assert.Equal(ReviewCaseStatus.Withdrawn, reviewCase.Status);
            Assert.Equal(2, (await db.ReviewedPapers.SingleAsync(p => p.PaperId == submitted.PaperId)).WithdrawnVersion);
        }
    }

    public void Dispose() => _database.Dispose();
}
