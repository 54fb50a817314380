using Microsoft.EntityFrameworkCore;
using PolicyEngage.Audit.Data;
using PolicyEngage.Audit.Ledger;
using PolicyEngage.Contracts;

namespace PolicyEngage.Ledger.Benchmarks;

/// <summary>An Audit ledger on a SQLite file of its own (WAL, as the service runs it).</summary>
internal sealed class BenchLedger : IDisposable
{
    /// <summary>Entries per save while filling.</summary>
    private const int FillBatch = 1_000;

    private readonly string _folder = Directory.CreateTempSubdirectory("policyengage-ledger-bench-").FullName;
    private DateTime _clock = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public BenchLedger()
    {
        using var db = Open();
        db.Database.Migrate();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    public string File => Path.Combine(_folder, "audit.db");

    public long Size { get; private set; }

    /// <summary>A few actors, so that an actor's timeline is a large share of the ledger (its pages are not short by luck).</summary>
    public static string ActorOf(long sequence) => $"bench-actor-{sequence % 7}";

    public SqliteAuditDbContext Open() =>
        new(new DbContextOptionsBuilder<SqliteAuditDbContext>().UseSqlite($"Data Source={File};Pooling=True").Options);

    /// <summary>
    /// Fills the ledger fast: the rows the ledger's own append writes (an entry chained with LedgerEntry.Chain, its nodes
    /// from LedgerTree.AppendAsync), a thousand per save rather than one.
    /// </summary>
    public async Task FillToAsync(long size)
    {
        while (Size < size)
        {
            await using var db = Open();
            var head = await db.LedgerEntries.OrderByDescending(e => e.Sequence).Select(e => e.Hash).FirstOrDefaultAsync() ?? LedgerEntry.GenesisHash;
            var tree = new LedgerTree(db);
            var batch = (int)Math.Min(FillBatch, size - Size);
            for (var i = 0; i < batch; i++)
            {
                var entry = LedgerEntry.Chain(NextEvent(), Size + 1, head, _clock);
                db.LedgerEntries.Add(entry);
                await tree.AppendAsync(entry, CancellationToken.None);
                head = entry.Hash;
                Size++;
            }
            await db.SaveChangesAsync();
        }
    }

    private PendingEvent NextEvent()
    {
        _clock = _clock.AddMilliseconds(10);
        var registered = new RegulatorRegistered(Guid.CreateVersion7(), $"Regulator {Size + 1}", "EU")
        {
            EventId = Guid.CreateVersion7(),
            OccurredAt = _clock,
            Actor = ActorOf(Size + 1),
        };
        return PendingEvent.Of(registered, "RegulatorLiaison", _clock);
    }

    /// <summary>Appends one event as the ledger consumer does: through LedgerChain, in a save of its own.</summary>
    public async Task AppendOneAsync()
    {
        await using var db = Open();
        await new LedgerChain(db).ReceiveAsync(NextEvent(), CancellationToken.None);
        await db.SaveChangesAsync();
        Size++;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
