using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace PolicyEngage.EndToEnd.Tests.Security;

/// <summary>
/// The content of every table in every service database, outboxes and inboxes included: per table its row count
/// and a SHA-256 over every value of every row, so that a change to any cell shows, not only a row added or removed.
/// </summary>
public sealed record DatabaseSnapshot(IReadOnlyDictionary<string, string> Tables)
{
    /// <summary>
    /// Written by a timer, never by a request: the checkpoint signer renews its lease every round, so with it in the
    /// snapshot the databases would never settle. No route reads or writes it.
    /// </summary>
    private static readonly HashSet<string> RenewedByTimers = ["audit.SignerLeases"];

    public static DatabaseSnapshot Take(IEnumerable<string> databaseFiles)
    {
        var tables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in databaseFiles)
        {
            using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            connection.Open();
            foreach (var table in TablesOf(connection))
            {
                var name = $"{Path.GetFileNameWithoutExtension(file)}.{table}";
                if (!RenewedByTimers.Contains(name)) tables[name] = ContentOf(connection, table);
            }
        }
        return new DatabaseSnapshot(tables);
    }

    /// <summary>"N rows, sha256 …" of the rows in a fixed (sorted) order, each value with its type.</summary>
    private static string ContentOf(SqliteConnection connection, string table)
    {
        using var select = connection.CreateCommand();
        select.CommandText = $"SELECT * FROM \"{table}\"";
        using var reader = select.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(column => ValueOf(reader, column))));
        rows.Sort(StringComparer.Ordinal);
        return $"{rows.Count} rows, sha256 {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", rows))))}";
    }

    /// <summary>Waits until nothing in flight (outbox relays, consumers, the ledger) still changes a table.</summary>
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

    /// <summary>Typed and base64-encoded, so that no text in a cell can pass for a separator.</summary>
    private static string ValueOf(SqliteDataReader reader, int column) => reader.IsDBNull(column)
        ? "null"
        : $"{reader.GetDataTypeName(column)}:{Convert.ToBase64String(Encoding.UTF8.GetBytes(Convert.ToString(reader.GetValue(column), CultureInfo.InvariantCulture)!))}";

    public string Describe() => string.Join("\n", Tables.Select(t => $"{t.Key}: {t.Value}"));

    private static List<string> TablesOf(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory'";
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read()) tables.Add(reader.GetString(0));
        return tables;
    }
}
