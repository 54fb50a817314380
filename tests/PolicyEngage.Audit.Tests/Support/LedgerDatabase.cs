using PolicyEngage.Audit.Checkpoints;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.Audit.Data;
using PolicyEngage.Audit.Ledger;
using PolicyEngage.Ledger.Proofs;
using PolicyEngage.Contracts;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.Audit.Tests.Support;

/// <summary>The ledger's own steps on a test database, without the bus in between.</summary>
internal static class LedgerDatabase
{
    /// <summary>What the consumer does for one arrival, in one save; returns false when the event was already received.</summary>
    public static async Task<bool> ReceiveAsync(
        this SqliteTestDatabase<SqliteAuditDbContext> database, IntegrationEvent integrationEvent, DateTime receivedAt, string service = "Tests")
    {
        await using var db = database.Open();
        var received = await new LedgerChain(db).ReceiveAsync(PendingEvent.Of(integrationEvent, service, receivedAt), CancellationToken.None);
        await db.SaveChangesAsync();
        return received;
    }

    public static async Task<List<LedgerEntry>> EntriesAsync(this SqliteTestDatabase<SqliteAuditDbContext> database)
    {
        await using var db = database.Open();
        return await db.LedgerEntries.Include(e => e.Papers).OrderBy(e => e.Sequence).ToListAsync();
    }

    public static async Task<int> PendingCountAsync(this SqliteTestDatabase<SqliteAuditDbContext> database)
    {
        await using var db = database.Open();
        return await db.PendingEvents.CountAsync();
    }

    public static async Task<LedgerVerification> VerifyAsync(this SqliteTestDatabase<SqliteAuditDbContext> database, bool full = true)
    {
        await using var db = database.Open();
        return await new LedgerVerifier(db, TimeProvider.System).VerifyAsync(full, recordHead: true, CancellationToken.None);
    }

    /// <summary>Signs a checkpoint of the tree as it stands, as the signer would.</summary>
    public static async Task<LedgerCheckpoint> SignCheckpointAsync(this SqliteTestDatabase<SqliteAuditDbContext> database)
    {
        await using var db = database.Open();
        var tree = new LedgerTree(db);
        var size = await tree.SizeAsync(CancellationToken.None);
        var checkpoint = LedgerCheckpoint.Sign(NoteSigner.FromPrivateKey(NoteSigner.Generate("policyengage.local/ledger").PrivateKey), size,
            await tree.RootAsync(size, CancellationToken.None), DateTime.UtcNow);
        db.LedgerCheckpoints.Add(checkpoint);
        await db.SaveChangesAsync();
        return checkpoint;
    }

    public static async Task ExecuteSqlAsync(this SqliteTestDatabase<SqliteAuditDbContext> database, string sql, params object[] parameters)
    {
        await using var db = database.Open();
        await db.Database.ExecuteSqlRawAsync(sql, parameters);
    }
}
