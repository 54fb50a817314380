using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PolicyEngage.ServiceDefaults.Persistence;

/// <summary>
/// One save at a time per SQLite file within a process, queued in order. SQLite takes one writer anyway; left to its
/// busy handler, waiting writers sleep in steps of up to 100 ms and the file sits unlocked while they doze, so under
/// load a submit waited hundreds of milliseconds for a lock nobody held. Another process on the same file (a second
/// instance) still meets the busy handler. SQL Server locks rows and needs no gate.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Null for SQL Server, and inside a transaction someone else began (it may already hold the file).</summary>
    public static SemaphoreSlim? For(DatabaseFacade database) =>
        database.IsSqlite() && database.CurrentTransaction is null
            ? Gates.GetOrAdd(database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1))
            : null;
}
