using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PolicyEngage.ServiceDefaults.Persistence;

/// <summary>
/// What <c>dotnet ef</c> and the migration tests use to build a service's model offline, one per provider.
/// A service derives one of each, naming its SQL Server context and its SQLite context.
/// </summary>
public abstract class SqlServerDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext> where TContext : ServiceDbContext
{
    public TContext CreateDbContext(string[] args) =>
        Create<TContext>(new DbContextOptionsBuilder<TContext>().UseSqlServer("Server=design-time;Database=design-time").Options);

    internal static T Create<T>(DbContextOptions<T> options) where T : DbContext =>
        (T)Activator.CreateInstance(typeof(T), options)!;
}

public abstract class SqliteDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext> where TContext : ServiceDbContext
{
    public TContext CreateDbContext(string[] args) =>
        SqlServerDesignTimeFactory<TContext>.Create(new DbContextOptionsBuilder<TContext>().UseSqlite("Data Source=design-time.db").Options);
}
