using Microsoft.Data.Sqlite;

namespace PolicyEngage.Faults.Tests.Load;

/// <summary>Counts taken straight from the services' database files: what really happened, whatever the APIs say.</summary>
public sealed class SystemLedger(IEnumerable<string> databaseFiles)
{
    private readonly Dictionary<string, string> _files = databaseFiles.ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => f);

    public long Count(string database, string sql) => long.Parse(Rows(database, sql).Single());

    /// <summary>The one event the ledger does not record, being about the ledger: Audit's signed checkpoints.</summary>
    private const string Ledgered = "MessageType <> 'PolicyEngage.Contracts.LedgerCheckpointSigned'";

    /// <summary>Every row of every outbox that the ledger records; message ids are unique in each and events are never shared between services.</summary>
    public long OutboxRows => _files.Keys.Sum(db => Count(db, $"SELECT COUNT(*) FROM OutboxMessages WHERE {Ledgered}"));

    public long UnsentOutboxRows => _files.Keys.Sum(db => Count(db, "SELECT COUNT(*) FROM OutboxMessages WHERE SentAt IS NULL"));

    /// <summary>Rows a relay claimed and neither sent nor released: what a relay cut off mid-batch leaves.</summary>
    public long ClaimedUnsentOutboxRows(string database) =>
        Count(database, "SELECT COUNT(*) FROM OutboxMessages WHERE SentAt IS NULL AND ClaimedUntil IS NOT NULL");

    /// <summary>Every event any service wrote to its outbox for the ledger (sent rows are kept a day), each once.</summary>
    public HashSet<string> PublishedEventIds() =>
        _files.Keys.SelectMany(db => Rows(db, $"SELECT MessageId FROM OutboxMessages WHERE {Ledgered}")).ToHashSet();

    public List<string> LedgerEventIds() => Rows("audit", "SELECT EventId FROM LedgerEntries");

    /// <summary>
    /// Each fact the ledger records, as type/subject: a push's (a digest to one endpoint), a digest's, a paper version's,
    /// a consultation's or a regulator's.
    /// Nothing but the services' own rules keeps a fact from being announced twice under two event ids (a decision
    /// applied twice, a delivery announced twice), so repeats here are what "doubled" counts.
    /// </summary>
    public List<string> LedgerFacts() => Rows("audit", """
        SELECT EventType || '/' || COALESCE(
            json_extract(Data, '$.webhookId'),
            json_extract(Data, '$.digestId'),
            json_extract(Data, '$.paperId') || '/' || json_extract(Data, '$.version'),
            json_extract(Data, '$.consultationId'),
            json_extract(Data, '$.regulatorId'))
        FROM LedgerEntries
        """);

    /// <summary>Each submitted version, as paper/version.</summary>
    public List<string> SubmittedVersions() => Rows("submissions", "SELECT PaperId || '/' || Number FROM PaperVersion");

    /// <summary>Each review case, as paper/version.</summary>
    public List<string> ReviewCases() => Rows("reviews", "SELECT PaperId || '/' || PaperVersion FROM ReviewCases");

    /// <summary>Each decision Reviews took, as paper/version/decision.</summary>
    public List<string> Decisions() =>
        Rows("reviews", "SELECT PaperId || '/' || PaperVersion || '/' || Decision FROM ReviewCases WHERE Decision IS NOT NULL");

    /// <summary>Each decision as Submissions applied it to its paper, as paper/version/decision.</summary>
    public List<string> AppliedDecisions() => Rows("submissions", "SELECT PaperId || '/' || Version || '/' || Decision FROM PaperReview");

    /// <summary>Upper-cased: SQLite keeps GUIDs as text, and the case of text is not a fact about the data.</summary>
    private List<string> Rows(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_files[database]};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!.ToUpperInvariant());
        return rows;
    }
}
