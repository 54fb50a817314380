using Microsoft.Data.Sqlite;
using PolicyEngage.Testing;

namespace PolicyEngage.EndToEnd.Tests.Security;

/// <summary>The row count of every table in every service database, outboxes and inboxes included.</summary>
public sealed record DatabaseSnapshot(IReadOnlyDictionary<string, long> RowCounts)
{
    public static DatabaseSnapshot Take(IEnumerable<string> databaseFiles)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var file in databaseFiles)
        {
            using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            connection.Open();
            foreach (var table in Tables(connection))
            {
                using var count = connection.CreateCommand();
                count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
                counts[$"{Path.GetFileNameWithoutExtension(file)}.{table}"] = (long)count.ExecuteScalar()!;
            }
        }
        return new DatabaseSnapshot(counts);
    }

    /// <summary>Waits until nothing in flight (outbox relays, consumers, the ledger) still changes a count.</summary>
    public static async Task<DatabaseSnapshot> TakeWhenSettledAsync(IEnumerable<string> databaseFiles)
    {
        var files = databaseFiles.ToList();
        var previous = Take(files);
        for (var attempt = 0; attempt < 60; attempt++)
        {
            await Task.Delay(500);
            var current = Take(files);
            if (current.Describe() == previous.Describe()) return current;
            previous = current;
        }
        throw new TimeoutException("The databases never settled.");
    }

    public string Describe() => string.Join("\n", RowCounts.Select(c => $"{c.Key}: {c.Value}"));

    private static List<string> Tables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory'";
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read()) tables.Add(reader.GetString(0));
        return tables;
    }
}
