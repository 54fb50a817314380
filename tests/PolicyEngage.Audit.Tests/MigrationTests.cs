using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PolicyEngage.Audit.Data;

namespace PolicyEngage.Audit.Tests;

public sealed class MigrationTests
{
    [Fact]
    public void The_sql_server_migrations_match_the_model()
    {
        using var db = new AuditSqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new AuditSqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_sql_server_migrations_yield_an_idempotent_script()
    {
        using var db = new AuditSqlServerDesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("IF NOT EXISTS", script);
        Assert.Contains("CREATE TABLE [LedgerEntries]", script);
    }
}
