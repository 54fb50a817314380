using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PolicyEngage.ServiceDefaults.Messaging.Outbox;

namespace PolicyEngage.ServiceDefaults.Persistence;

public static class ServiceDatabase
{
    /// <summary>
    /// An aggregate and its collections load in one query, one consistent snapshot: a paper's handful of versions
    /// and reviews multiply to a few rows, where split queries could see a write land between them.
    /// </summary>
    private const QuerySplittingBehavior AggregateLoading = QuerySplittingBehavior.SingleQuery;

    /// <summary>
    /// Registers the service's context on the configured provider. <typeparamref name="TSqliteContext"/> derives from
    /// <typeparamref name="TContext"/> only to carry the SQLite migrations set; the app always asks for <typeparamref name="TContext"/>.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext, TSqliteContext>(this IHostApplicationBuilder builder, string databaseName)
        where TContext : ServiceDbContext
        where TSqliteContext : TContext
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString(databaseName);
        builder.Services.AddSingleton<OutboxCommitSignal>();

        if (options.Provider == DatabaseProvider.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException($"Database:Provider is SqlServer but ConnectionStrings:{databaseName} is not set.");
            builder.Services.AddDbContext<TContext>((services, db) => db
                .UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure().UseQuerySplittingBehavior(AggregateLoading))
                .AddInterceptors(services.GetRequiredService<OutboxCommitSignal>()));
        }
        else
        {
            var sqlite = SqliteConnectionStringOf(connectionString, options, databaseName);
            var busyTimeout = new SqliteBusyTimeout(TimeSpan.FromSeconds(new SqliteConnectionStringBuilder(sqlite).DefaultTimeout));
            builder.Services.AddDbContext<TContext, TSqliteContext>((services, db) => db
                .UseSqlite(sqlite, sql => sql.UseQuerySplittingBehavior(AggregateLoading))
                .AddInterceptors(services.GetRequiredService<OutboxCommitSignal>(), busyTimeout));
        }
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>($"{databaseName}-database", tags: ["ready"]);
        return builder;
    }

    /// <summary>Applies the provider's migrations set before the service takes traffic.</summary>
    public static async Task MigrateDatabaseAsync<TContext>(this IHost app) where TContext : ServiceDbContext
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServiceDatabase));
        if (db.Database.IsSqlite())
        {
            // WAL lets readers run beside the one writer; the mode is stored in the file.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        await db.Database.MigrateAsync();
        logger.LogInformation("Database {Database} migrated on {Provider}", typeof(TContext).Name, db.Database.ProviderName);
    }

    private static string SqliteConnectionStringOf(string? configured, DatabaseOptions options, string databaseName)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? $"Data Source={Path.Combine(options.DataDirectory, databaseName + ".db")}");
        // The command timeout doubles as SQLite's busy timeout: a writer waits for the other instead of failing.
        if (builder.DefaultTimeout < 30) builder.DefaultTimeout = 30;
        if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } directory) Directory.CreateDirectory(directory);
        return builder.ToString();
    }
}
