using Microsoft.Data.Sqlite;

namespace PolicyEngage.Faults.Tests.BrokerOutage;

/// <summary>Counts taken straight from the services' database files: what really happened, whatever the APIs say.</summary>
public sealed class SystemLedger(IEnumerable<string> databaseFiles)
{
    private readonly Dictionary<string, string> _files = databaseFiles.ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => f);

    public long Count(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_files[database]};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public long UnsentOutboxRows => _files.Keys.Sum(db => Count(db, "SELECT COUNT(*) FROM OutboxMessages WHERE SentAt IS NULL"));

    public long OutboxRows => _files.Keys.Sum(db => Count(db, "SELECT COUNT(*) FROM OutboxMessages"));

    /// <summary>Every event any service wrote to its outbox (kept a day after sending), each once.</summary>
    public HashSet<string> PublishedEventIds()
    {
        var ids = new HashSet<string>();
        foreach (var db in _files.Keys)
        {
            using var connection = new SqliteConnection($"Data Source={_files[db]};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT MessageId FROM OutboxMessages";
            using var reader = command.ExecuteReader();
            while (reader.Read()) ids.Add(reader.GetString(0).ToUpperInvariant());
        }
        return ids;
    }

    public List<string> LedgerEventIds()
    {
        using var connection = new SqliteConnection($"Data Source={_files["audit"]};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT EventId FROM LedgerEntries";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read()) ids.Add(reader.GetString(0).ToUpperInvariant());
        return ids;
    }
}
