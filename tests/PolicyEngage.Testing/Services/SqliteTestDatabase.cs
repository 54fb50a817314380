using Microsoft.EntityFrameworkCore;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.Testing.Services;

/// <summary>
/// A real SQLite file in a temp folder of its own, migrated with the service's SQLite migrations set (carried by
/// <typeparamref name="TSqliteContext"/>), and deleted with the folder afterwards.
/// </summary>
public sealed class SqliteTestDatabase<TSqliteContext> : IDisposable where TSqliteContext : ServiceDbContext
{
    private readonly TempDirectory _folder = new();

    public SqliteTestDatabase()
    {
        // No pooling: no connection keeps the file open once a context is disposed, so the folder can go.
        ConnectionString = $"Data Source={_folder.File("service.db")};Pooling=False";
        using var db = Open();
        db.Database.Migrate();
    }

    public string ConnectionString { get; }

    /// <summary>A context of its own on the file, outside any app; the caller disposes it.</summary>
    public TSqliteContext Open() =>
        (TSqliteContext)Activator.CreateInstance(typeof(TSqliteContext), new DbContextOptionsBuilder<TSqliteContext>().UseSqlite(ConnectionString).Options)!;

    public void Dispose() => _folder.Dispose();
}
