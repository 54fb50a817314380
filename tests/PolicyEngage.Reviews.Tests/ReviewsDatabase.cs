using Microsoft.EntityFrameworkCore;
using PolicyEngage.Reviews.Data;

namespace PolicyEngage.Reviews.Tests;

/// <summary>A migrated SQLite file in a folder of its own, deleted afterwards.</summary>
internal sealed class ReviewsDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policyengage-reviews-").FullName;

    public ReviewsDatabase()
    {
        // No pooling, so no connection keeps the file open once a context is disposed.
        ConnectionString = $"Data Source={Path.Combine(_folder, "reviews.db")};Pooling=False";
        using var db = NewContext();
        db.Database.Migrate();
    }

    public string ConnectionString { get; }

    public ReviewsDbContext NewContext() =>
        new SqliteReviewsDbContext(new DbContextOptionsBuilder<SqliteReviewsDbContext>().UseSqlite(ConnectionString).Options);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
