using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace PolicyEngage.Testing;

/// <summary>
/// A service's two migration sets must describe its model as it is (or <c>Migrate()</c> refuses to start it), the
/// SQL Server set must yield an idempotent script for production, and the SQLite set must build a real database.
/// Each service's test project derives this once with its design-time factories.
/// </summary>
public abstract class MigrationSetsInStep<TSqlServerFactory, TSqliteFactory>
    where TSqlServerFactory : IDesignTimeDbContextFactory<DbContext>, new()
    where TSqliteFactory : IDesignTimeDbContextFactory<DbContext>, new()
{
    [Fact]
    public void The_SQL_Server_migrations_match_the_model()
    {
        using var db = new TSqlServerFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQL Server migration for the model change.");
    }

    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        using var db = new TSqliteFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQLite migration for the model change.");
    }

    [Fact]
    public void The_SQL_Server_migrations_yield_an_idempotent_script()
    {
        Assert.Contains("IF NOT EXISTS", SqlServerScript());
    }

    [Fact]
    public void The_SQLite_migrations_build_a_real_database_file()
    {
        using var files = new TempDirectory();
        using var db = new TSqliteFactory().CreateDbContext([]);
        db.Database.SetConnectionString($"Data Source={files.File("migrated.db")}");

        db.Database.Migrate();

        Assert.Empty(db.Database.GetPendingMigrations());
        Assert.Equal(db.Database.GetMigrations(), db.Database.GetAppliedMigrations());
        SqliteConnection.ClearAllPools();
    }

    protected static string SqlServerScript()
    {
        using var db = new TSqlServerFactory().CreateDbContext([]);
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }
}
