using Microsoft.EntityFrameworkCore;
using PolicyEngage.ServiceDefaults.Lists;
using PolicyEngage.Submissions.Data;
using PolicyEngage.Submissions.Papers;
using PolicyEngage.Testing.Services;
using static PolicyEngage.Submissions.Tests.Support.PaperScenario;

namespace PolicyEngage.Submissions.Tests.PaperList;

/// <summary>
/// Papers stored before PaperListPositions had no position: the migration numbers them in the order the list showed
/// them then (creation time, then id), and the counter goes on from there.
/// </summary>
public sealed class PaperListPositionsMigrationTests : IDisposable
{
    private readonly UpgradedDatabase<SubmissionsDbContext, SqliteSubmissionsDbContext> _database = new();

    [Fact]
    public async Task Papers_stored_before_the_upgrade_are_numbered_in_creation_order_and_the_next_paper_follows_on()
    {
        var consultation = OpenConsultation();
        // Ids in the opposite order to creation, and two papers created at the same moment: the id breaks the tie.
        var (late, tiedHigh, tiedLow, early) = (Guid.Parse("00000000-0000-0000-0000-000000000001"), Guid.Parse("ffffffff-0000-0000-0000-000000000000"),
            Guid.Parse("88888888-0000-0000-0000-000000000000"), Guid.Parse("eeeeeeee-0000-0000-0000-000000000000"));
        await _database.MigrateToJustBeforeAsync("PaperListPositions");
        await using (var db = _database.Open())
        {
            foreach (var (id, createdAt) in new[] { (late, Now.AddHours(2)), (tiedHigh, Now.AddHours(1)), (early, Now), (tiedLow, Now.AddHours(1)) })
            {
                // In SQL, as the schema of that time has it.
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO Papers (Id, ConsultationId, Organisation, Title, Summary, Body, Status, Version, Revision, DeliveredToRegulator, CreatedAt, CreatedBy, UpdatedAt)
                    VALUES ({id}, {consultation.Id}, {"acme"}, {"Old paper"}, {"Summary"}, {"Body"}, {"Draft"}, {1}, {1}, {false}, {createdAt}, {"author-1"}, {createdAt})
                    """);
            }
        }

        await _database.MigrateToLatestAsync();
        var next = Paper.Draft(consultation, "acme", FirstText, "author-1", Now.AddHours(3));
        await using (var db = _database.Open())
        {
            db.Consultations.Add(consultation);
            db.Papers.Add(next);
            await db.SaveChangesAsync();
        }

        await using (var db = _database.Open())
        {
            var positions = await db.Papers.IgnoreAutoIncludes()
                .OrderBy(p => EF.Property<long>(p, ListPositions.Column))
                .Select(p => new { p.Id, Position = EF.Property<long>(p, ListPositions.Column) })
                .ToListAsync();
            Assert.Equal([(early, 1L), (tiedLow, 2L), (tiedHigh, 3L), (late, 4L), (next.Id, 5L)], positions.Select(p => (p.Id, p.Position)));
            // The counter's stored name, a literal: renaming the constant in code must not move it.
            Assert.Equal(5, (await db.ListCounters.SingleAsync(c => c.Name == "papers")).Last);
        }
    }

    public void Dispose() => _database.Dispose();
}
