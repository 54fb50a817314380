using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace PolicyEngage.ServiceDefaults.Persistence;

/// <summary>
/// Lets SQLite itself wait for a competing writer (another connection, or another instance on the same file) with
/// its fine-grained back-off, rather than failing at once into the driver's coarse retry loop, which sleeps 150 ms
/// between attempts and so costs every contended write that much. A direct call on the native handle: no statement
/// to prepare on each open.
/// </summary>
internal sealed class SqliteBusyTimeout(TimeSpan timeout) : DbConnectionInterceptor
{
    private readonly int _milliseconds = (int)timeout.TotalMilliseconds;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle }) raw.sqlite3_busy_timeout(handle, _milliseconds);
    }
}
