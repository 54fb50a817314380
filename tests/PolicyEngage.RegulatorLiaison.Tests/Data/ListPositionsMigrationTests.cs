using Microsoft.EntityFrameworkCore;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.RegulatorLiaison.Tests.Support;
using PolicyEngage.ServiceDefaults.Lists;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.RegulatorLiaison.Tests.Data;

/// <summary>
/// Regulators, consultations and digests stored before ListPositions had no position; the migration must number them in
/// the order they were created, and the counters go on from there, or the lists would skip or repeat them.
/// </summary>
public sealed class ListPositionsMigrationTests : IDisposable
{
    private readonly UpgradedDatabase<RegulatorLiaisonDbContext, SqliteRegulatorLiaisonDbContext> _database = new();

    /// <summary>Three ids that sort the other way from the order they are created in: only the creation times give it.</summary>
    private static Guid[] Descending(int table) =>
        [.. Enumerable.Range(0, 3).Select(i => new Guid($"{table:x8}-0000-0000-0000-{3 - i:x12}"))];

    [Fact]
    public async Task Rows_stored_before_the_upgrade_are_listed_in_creation_order_and_the_next_row_created_follows_them()
    {
        var (regulators, consultations, digests) = (Descending(1), Descending(2), Descending(3));
        await _database.MigrateToJustBeforeAsync("ListPositions");
        await using (var db = _database.Open())
        {
            for (var i = 0; i < 3; i++)
            {
                var at = Sample.Now.AddMinutes(i);
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO Regulators (Id, Name, Jurisdiction, RegisteredAt, RegisteredEventId) VALUES ({regulators[i]}, {"Board"}, {"EU"}, {at}, {Guid.CreateVersion7()})");
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO Consultations (Id, RegulatorId, Reference, Title, Summary, ClosesAt, Status, OpenedAt, OpenedEventId) VALUES ({consultations[i]}, {regulators[0]}, {"REF"}, {"Title"}, {"Summary"}, {at.AddDays(30)}, {"Closed"}, {at}, {Guid.CreateVersion7()})");
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO Digests (Id, ConsultationId, RegulatorId, CompiledAt, ContentHash, Document, RefusedPapers, Status, CompiledEventId) VALUES ({digests[i]}, {consultations[0]}, {regulators[0]}, {at}, {new string('0', 64)}, {"{}"}, {""}, {"Compiled"}, {Guid.CreateVersion7()})");
            }
        }

        await _database.MigrateToLatestAsync();
        // Registered, opened and compiled at a time before the others: the position follows the counter, not the clock.
        var regulator = Sample.NewRegulator();
        var consultation = Sample.ClosedConsultation(regulator);
        var digest = Sample.CompiledDigest(consultation);
        await using (var db = _database.Open())
        {
            db.Regulators.Add(regulator);
            db.Consultations.Add(consultation);
            db.Digests.Add(digest);
            await db.SaveChangesAsync();
        }

        await using var read = _database.Open();
        Assert.Equal(Numbered([.. regulators, regulator.Id]), await ListedAsync(read.Regulators));
        Assert.Equal(Numbered([.. consultations, consultation.Id]), await ListedAsync(read.Consultations));
        Assert.Equal(Numbered([.. digests, digest.Id]), await ListedAsync(read.Digests));
    }

    private static List<(Guid Id, long Position)> Numbered(Guid[] ids) => ids.Select((id, i) => (id, (long)i + 1)).ToList();

    private static async Task<List<(Guid Id, long Position)>> ListedAsync<T>(IQueryable<T> rows) where T : class =>
        (await rows.AsNoTracking()
            .OrderBy(row => EF.Property<long>(row, ListPositions.Column))
            .Select(row => new { Id = EF.Property<Guid>(row, "Id"), Position = EF.Property<long>(row, ListPositions.Column) })
            .ToListAsync())
        .Select(row => (row.Id, row.Position)).ToList();

    public void Dispose() => _database.Dispose();
}
