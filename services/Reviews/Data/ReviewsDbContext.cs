using Microsoft.EntityFrameworkCore;
using PolicyEngage.Reviews.ReviewCases;
using PolicyEngage.ServiceDefaults.Persistence;

namespace PolicyEngage.Reviews.Data;

public class ReviewsDbContext : ServiceDbContext
{
    public ReviewsDbContext(DbContextOptions<ReviewsDbContext> options) : base(options) { }

    protected ReviewsDbContext(DbContextOptions options) : base(options) { }

    public DbSet<ReviewCase> ReviewCases => Set<ReviewCase>();
    public DbSet<ReviewedPaper> ReviewedPapers => Set<ReviewedPaper>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReviewsDbContext).Assembly);
    }
}

/// <summary>The same model on SQLite; it exists to carry the SQLite migrations set.</summary>
public sealed class SqliteReviewsDbContext(DbContextOptions<SqliteReviewsDbContext> options) : ReviewsDbContext(options);

public sealed class ReviewsSqlServerDesignTimeFactory : SqlServerDesignTimeFactory<ReviewsDbContext>;

public sealed class ReviewsSqliteDesignTimeFactory : SqliteDesignTimeFactory<SqliteReviewsDbContext>;
