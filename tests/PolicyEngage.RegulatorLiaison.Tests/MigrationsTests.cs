using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PolicyEngage.RegulatorLiaison.Data;

namespace PolicyEngage.RegulatorLiaison.Tests;

/// <summary>Both migration sets must match the model, or <c>Migrate()</c> refuses to start the service.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void The_SQL_Server_migrations_match_the_model()
    {
        using var db = new RegulatorLiaisonSqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        using var db = new RegulatorLiaisonSqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_SQL_Server_migrations_yield_an_idempotent_script()
    {
        using var db = new RegulatorLiaisonSqlServerDesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("IF NOT EXISTS", script);
        Assert.Contains("CREATE TABLE [Digests]", script);
    }
}
