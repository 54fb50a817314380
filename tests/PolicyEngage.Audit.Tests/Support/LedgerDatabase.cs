using Microsoft.EntityFrameworkCore;
using PolicyEngage.Audit.Data;
using PolicyEngage.Audit.Ledger;
using PolicyEngage.Contracts;

namespace PolicyEngage.Audit.Tests;

/// <summary>A migrated SQLite file in its own temp folder, deleted afterwards.</summary>
internal sealed class AuditDatabase : IAsyncDisposable
{
    private readonly string _folder;

    private AuditDatabase(string folder)
    {
        _folder = folder;
        // No pooling: nothing keeps the file open once a test is done with it.
        ConnectionString = $"Data Source={Path.Combine(folder, "audit.db")};Pooling=False";
    }

    public string ConnectionString { get; }

    public static async Task<AuditDatabase> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "policyengage-audit-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = new AuditDatabase(folder);
        await using var db = database.Open();
        await db.Database.MigrateAsync();
        return database;
    }

    public AuditDbContext Open() =>
        new SqliteAuditDbContext(new DbContextOptionsBuilder<SqliteAuditDbContext>().UseSqlite(ConnectionString).Options);

    /// <summary>What the consumer does for one arrival, in one save; returns false when the event was already received.</summary>
    public async Task<bool> ReceiveAsync(IntegrationEvent integrationEvent, DateTime receivedAt, string service = "Tests")
    {
        await using var db = Open();
        var received = await new LedgerChain(db).ReceiveAsync(PendingEvent.Of(integrationEvent, service, receivedAt), CancellationToken.None);
        await db.SaveChangesAsync();
        return received;
    }

    public async Task<List<LedgerEntry>> EntriesAsync()
    {
        await using var db = Open();
        return await db.LedgerEntries.Include(e => e.Papers).OrderBy(e => e.Sequence).ToListAsync();
    }

    public async Task<int> PendingCountAsync()
    {
        await using var db = Open();
        return await db.PendingEvents.CountAsync();
    }

    public async Task<LedgerVerification> VerifyAsync()
    {
        await using var db = Open();
        return await new LedgerChain(db).VerifyAsync(CancellationToken.None);
    }

    public async Task ExecuteSqlAsync(string sql, params object[] parameters)
    {
        await using var db = Open();
        await db.Database.ExecuteSqlRawAsync(sql, parameters);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
