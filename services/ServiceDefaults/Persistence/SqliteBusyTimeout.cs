using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PolicyEngage.ServiceDefaults.Persistence;

/// <summary>
/// Lets SQLite itself wait for a competing writer (another connection, or another instance on the same file) with
/// its fine-grained back-off, rather than failing at once into the driver's coarse retry loop, which sleeps 150 ms
/// between attempts and so costs every contended write that much.
/// </summary>
internal sealed class SqliteBusyTimeout(TimeSpan timeout) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {(int)timeout.TotalMilliseconds};";
        command.ExecuteNonQuery();
    }
}
