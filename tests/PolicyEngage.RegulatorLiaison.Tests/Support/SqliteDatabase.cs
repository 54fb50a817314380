using Microsoft.EntityFrameworkCore;
using PolicyEngage.RegulatorLiaison.Data;

namespace PolicyEngage.RegulatorLiaison.Tests.Support;

/// <summary>A real SQLite file in a private temporary folder, migrated with the service's own SQLite migrations.</summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "policyengage-regulatorliaison-tests", Guid.NewGuid().ToString("n"));

    public SqliteDatabase()
    {
        Directory.CreateDirectory(_folder);
        FilePath = Path.Combine(_folder, "regulatorliaison.db");
        // No pooling: the file is closed after each use, so the folder can be deleted at the end.
        ConnectionString = $"Data Source={FilePath};Pooling=False";
    }

    public string FilePath { get; }
    public string ConnectionString { get; }

    public RegulatorLiaisonDbContext CreateContext() =>
        new SqliteRegulatorLiaisonDbContext(new DbContextOptionsBuilder<SqliteRegulatorLiaisonDbContext>().UseSqlite(ConnectionString).Options);

    public async Task<SqliteDatabase> MigrateAsync()
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere stays behind in the temp folder; it is harmless there.
        }
    }
}
