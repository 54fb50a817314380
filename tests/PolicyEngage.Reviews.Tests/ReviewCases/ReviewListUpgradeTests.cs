using Microsoft.EntityFrameworkCore;
using PolicyEngage.Reviews.Data;
using PolicyEngage.Reviews.ReviewCases;
using PolicyEngage.ServiceDefaults.Lists;
using PolicyEngage.Testing.Events;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.Reviews.Tests.ReviewCases;

/// <summary>Cases opened before the list had positions keep the order they were listed in, and new ones follow them.</summary>
public sealed class ReviewListUpgradeTests : IDisposable
{
    private readonly UpgradedDatabase<ReviewsDbContext, SqliteReviewsDbContext> _database = new();

    [Fact]
    public async Task Cases_from_before_the_upgrade_take_positions_in_opening_order_and_the_next_case_follows_them()
    {
        var start = ConsultationStory.Start;
        var (second, first, third) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await _database.MigrateToJustBeforeAsync("ReviewCaseListPositions");
        await using (var db = _database.Open())
        {
            foreach (var (id, openedAt) in new[] { (second, start.AddMinutes(1)), (first, start), (third, start.AddMinutes(2)) })
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO ReviewCases (Id, PaperId, PaperVersion, ConsultationId, Organisation, Title, Summary, Body, ContentHash, Status, OpenedAt, SubmittedEventId)
                    VALUES ({id}, {Guid.CreateVersion7()}, {1}, {Guid.CreateVersion7()}, {"acme"}, {"Title"}, {"Summary"}, {"Body"}, {new string('a', 64)}, {"Open"}, {openedAt}, {Guid.CreateVersion7()})
                    """);
        }
        await _database.MigrateToLatestAsync();

        var later = ReviewCase.Open(PaperEvents.Submitted(), start.AddDays(-1));
        await using (var db = _database.Open())
        {
            db.ReviewCases.Add(later);
            await db.SaveChangesAsync();
        }

        await using (var db = _database.Open())
        {
            var positions = await db.ReviewCases.OrderBy(c => EF.Property<long>(c, ListPositions.Column))
                .Select(c => new { c.Id, Position = EF.Property<long>(c, ListPositions.Column) }).ToListAsync();
            Assert.Equal([(first, 1L), (second, 2L), (third, 3L), (later.Id, 4L)], positions.Select(p => (p.Id, p.Position)));
        }
    }

    public void Dispose() => _database.Dispose();
}
