using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PolicyEngage.Reviews.Data;

namespace PolicyEngage.Reviews.Tests;

/// <summary>The two migration sets must describe the model as it is; a model change without both fails here.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_SqlServer_migrations_match_the_model()
    {
        using var db = new ReviewsSqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_Sqlite_migrations_match_the_model()
    {
        using var db = new ReviewsSqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_SqlServer_set_yields_an_idempotent_script_with_the_unique_version_index()
    {
        using var db = new ReviewsSqlServerDesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("IF NOT EXISTS", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_ReviewCases_PaperId_PaperVersion]", script);
    }
}
