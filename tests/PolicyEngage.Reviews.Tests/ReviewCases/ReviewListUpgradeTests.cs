using Microsoft.EntityFrameworkCore;
using PolicyEngage.Reviews.Data;
using PolicyEngage.Reviews.ReviewCases;
using PolicyEngage.ServiceDefaults.Lists;
using PolicyEngage.Testing.Events;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.Reviews.Tests.ReviewCases;

/// <summary>
/// Cases stored before the list's migrations: they keep the order they were listed in, new ones follow them, and
/// their bodies move whole to a table of their own, out of the rows a list reads.
/// </summary>
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

    [Fact]
    public async Task Bodies_of_cases_from_before_their_table_of_their_own_read_back_whole_after_the_upgrade()
    {
        var (id, body) = (Guid.CreateVersion7(), string.Concat(Enumerable.Repeat("A long position, page after page. ", 2_000)));
        await _database.MigrateToJustBeforeAsync("ReviewCaseBodiesApart");
        await using (var db = _database.Open())
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO ReviewCases (Id, PaperId, PaperVersion, ConsultationId, Organisation, Title, Summary, Body, ContentHash, Status, OpenedAt, SubmittedEventId, ListPosition)
                VALUES ({id}, {Guid.CreateVersion7()}, {1}, {Guid.CreateVersion7()}, {"acme"}, {"Title"}, {"Summary"}, {body}, {new string('a', 64)}, {"Open"}, {ConsultationStory.Start}, {Guid.CreateVersion7()}, {1})
                """);
        await _database.MigrateToLatestAsync();

        await using (var db = _database.Open())
        {
            Assert.Equal(body, (await db.ReviewCases.AsNoTracking().SingleAsync(c => c.Id == id)).Body);
            var columns = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info('ReviewCases')").ToListAsync();
            Assert.Contains("Title", columns);
            Assert.DoesNotContain("Body", columns);
        }
    }

    public void Dispose() => _database.Dispose();
}
