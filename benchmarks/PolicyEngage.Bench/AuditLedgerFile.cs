using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PolicyEngage.Bench;

/// <summary>
/// Audit's SQLite file, read-only, beside the running service: the ledger's own record of when each submission became
/// an entry (<c>RecordedAt</c>, stamped by the ledger consumer as it takes the event, on this machine's clock).
/// </summary>
internal sealed class AuditLedgerFile(string file)
{
    private const string Submissions = "FROM LedgerEntries WHERE EventType = 'PositionPaperSubmitted' AND ConsultationId = $consultation";

    public static AuditLedgerFile Of(IEnumerable<string> databaseFiles) =>
        new(databaseFiles.Single(f => Path.GetFileName(f) == "audit.db"));

    public long SubmissionsOf(Guid consultation) => Query($"SELECT COUNT(*) {Submissions}", consultation, r => r.GetInt64(0)).Single();

    /// <summary>When each paper's submission was recorded in the ledger.</summary>
    public Dictionary<Guid, DateTime> SubmissionsRecordedAt(Guid consultation) =>
        Query($"SELECT PaperId, RecordedAt {Submissions}", consultation, r => (Paper: Guid.Parse(r.GetString(0)), At: TimeOf(r.GetString(1))))
            .ToDictionary(e => e.Paper, e => e.At);

    /// <summary>Waits, polling, until the ledger holds <paramref name="count"/> submissions of the consultation.</summary>
    public async Task AwaitSubmissionsAsync(Guid consultation, long count, TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (SubmissionsOf(consultation) < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The ledger held {SubmissionsOf(consultation)} of {count} submissions after {bound.TotalSeconds:N0} s.");
            await Task.Delay(200);
        }
    }

    private List<T> Query<T>(string sql, Guid consultation, Func<SqliteDataReader, T> read)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        // As EF Core's SQLite provider stores a GUID: upper-case text.
        command.Parameters.AddWithValue("$consultation", consultation.ToString().ToUpperInvariant());
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }

    private static DateTime TimeOf(string stored) =>
        DateTime.ParseExact(stored, "yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
