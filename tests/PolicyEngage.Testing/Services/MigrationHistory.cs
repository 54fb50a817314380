using Microsoft.EntityFrameworkCore;
using Xunit;

namespace PolicyEngage.Testing.Services;

public static class MigrationHistory
{
    /// <summary>The id of the migration just before the one named, for a test that upgrades a database across it.</summary>
    public static string MigrationBefore(this DbContext db, string name)
    {
        var migrations = db.Database.GetMigrations().ToList();
        var index = migrations.FindIndex(id => id.EndsWith($"_{name}", StringComparison.Ordinal));
        Assert.True(index > 0, $"No migration precedes {name}.");
        return migrations[index - 1];
    }
}
