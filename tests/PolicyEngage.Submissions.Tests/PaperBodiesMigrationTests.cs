using Microsoft.EntityFrameworkCore;
using PolicyEngage.Submissions.Data;
using PolicyEngage.Submissions.Papers;
using PolicyEngage.Testing.Services;
using static PolicyEngage.Submissions.Tests.Support.PaperScenario;

namespace PolicyEngage.Submissions.Tests;

/// <summary>
/// Papers stored before PaperBodiesApart kept their bodies in their own rows: the migration moves every working and
/// submitted body to the bodies' tables, so the paper loads whole as before, and going back down puts them back.
/// </summary>
public sealed class PaperBodiesMigrationTests : IDisposable
{
    private static readonly Guid Revised = Guid.Parse("11111111-0000-0000-0000-000000000000");
    private static readonly Guid Draft = Guid.Parse("22222222-0000-0000-0000-000000000000");

    // Longer than a page, and not ASCII: each byte must arrive.
    private static readonly string SubmittedBody = string.Concat(Enumerable.Repeat("Avatars' location — private by default. ", 4000));
    private static readonly string RevisedBody = SubmittedBody + " Revised after review: opt-in sharing only.";
    private const string DraftBody = "A short draft body.";

    private readonly UpgradedDatabase<SubmissionsDbContext, SqliteSubmissionsDbContext> _database = new();

    [Fact]
    public async Task Bodies_stored_before_the_upgrade_load_with_their_papers_after_it()
    {
        await StoreBeforeTheUpgradeAsync();

        await _database.MigrateToLatestAsync();

        await using (var db = _database.Open())
        {
            var revised = await db.Papers.AsNoTracking().SingleAsync(p => p.Id == Revised);
            Assert.Equal(RevisedBody, revised.Body);
            Assert.Equal(SubmittedBody, Assert.Single(revised.Versions).Body);
            Assert.Single(revised.Reviews);
            var draft = await db.Papers.AsNoTracking().SingleAsync(p => p.Id == Draft);
            Assert.Equal(DraftBody, draft.Body);
            Assert.Empty(draft.Versions);
        }
        // And an upgraded paper is written as any other: its body row follows the edit.
        await using (var db = _database.Open())
        {
            var draft = await db.Papers.SingleAsync(p => p.Id == Draft);
            draft.Edit(new PaperText("Old draft", "Summary", "Edited after the upgrade."), Now.AddHours(3));
            await db.SaveChangesAsync();
        }
        await using (var db = _database.Open())
        {
            Assert.Equal("Edited after the upgrade.", (await db.Papers.AsNoTracking().SingleAsync(p => p.Id == Draft)).Body);
        }
    }

    [Fact]
    public async Task Going_back_down_puts_every_body_back_in_its_row_and_keeps_the_reviews()
    {
        await StoreBeforeTheUpgradeAsync();
        await _database.MigrateToLatestAsync();

        await _database.MigrateToJustBeforeAsync("PaperBodiesApart");

        await using var db = _database.Open();
        Assert.Equal(RevisedBody, await BodyAsync(db, $"SELECT Body AS Value FROM Papers WHERE Id = {Revised}"));
        Assert.Equal(DraftBody, await BodyAsync(db, $"SELECT Body AS Value FROM Papers WHERE Id = {Draft}"));
        Assert.Equal(SubmittedBody, await BodyAsync(db, $"SELECT Body AS Value FROM PaperVersion WHERE PaperId = {Revised} AND Number = 1"));
        Assert.Equal(1, await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS Value FROM PaperReview").SingleAsync());
    }

    /// <summary>
    /// In SQL, as the schema of that time has it: a paper submitted, sent back for changes and revised (its working body
    /// is not its version's), and a draft never submitted.
    /// </summary>
    private async Task StoreBeforeTheUpgradeAsync()
    {
        await _database.MigrateToJustBeforeAsync("PaperBodiesApart");
        await using var db = _database.Open();
        var consultation = Guid.Parse("99999999-0000-0000-0000-000000000000");
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO Papers (Id, ConsultationId, Organisation, Title, Summary, Body, Status, Version, Revision, DeliveredToRegulator, CreatedAt, CreatedBy, UpdatedAt, ListPosition)
            VALUES ({Revised}, {consultation}, {"acme"}, {"Old paper"}, {"Summary"}, {RevisedBody}, {"ChangesRequested"}, {2}, {4}, {false}, {Now}, {"author-1"}, {Now.AddHours(2)}, {1})
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO PaperVersion (PaperId, Number, Title, Summary, Body, ContentHash, SubmittedAt, SubmittedBy, SubmittedEventId)
            VALUES ({Revised}, {1}, {"Old paper"}, {"Summary"}, {SubmittedBody}, {new string('a', 64)}, {Now.AddMinutes(1)}, {"author-1"}, {Guid.NewGuid()})
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO PaperReview (PaperId, Version, Comment, DecidedAt, Decision, EventId)
            VALUES ({Revised}, {1}, {"Say who may see it."}, {Now.AddHours(1)}, {"RequestChanges"}, {Guid.NewGuid()})
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO Papers (Id, ConsultationId, Organisation, Title, Summary, Body, Status, Version, Revision, DeliveredToRegulator, CreatedAt, CreatedBy, UpdatedAt, ListPosition)
            VALUES ({Draft}, {consultation}, {"acme"}, {"Old draft"}, {"Summary"}, {DraftBody}, {"Draft"}, {1}, {1}, {false}, {Now.AddHours(1)}, {"author-1"}, {Now.AddHours(1)}, {2})
            """);
        await db.Database.ExecuteSqlAsync($"UPDATE ListCounters SET Last = {2} WHERE Name = {"papers"}");
    }

    private static Task<string> BodyAsync(SqliteSubmissionsDbContext db, FormattableString sql) => db.Database.SqlQuery<string>(sql).SingleAsync();

    public void Dispose() => _database.Dispose();
}
