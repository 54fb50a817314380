using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.Submissions.Data;

namespace PolicyEngage.Lists.Benchmarks;

/// <summary>
/// A Submissions database on a SQLite file of its own (WAL, as the service runs it), migrated with the service's SQLite
/// set and filled with papers that each have one submitted version, across a few consultations and organisations, their
/// bodies as long as <see cref="BodySizes"/> draws them.
/// </summary>
internal sealed class BenchPapers : IDisposable
{
    /// <summary>Papers per transaction while filling.</summary>
    private const int FillBatch = 10_000;

    public const int Consultations = 50;
    public const int Organisations = 20;

    private readonly string _folder = Directory.CreateTempSubdirectory("policyengage-lists-bench-").FullName;
    private readonly DateTime _start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly BodySizes _bodies;

    public BenchPapers(BodySizes bodies)
    {
        _bodies = bodies;
        using var db = new SqliteSubmissionsDbContext(new DbContextOptionsBuilder<SqliteSubmissionsDbContext>().UseSqlite(ConnectionString).Options);
        db.Database.Migrate();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    public string File => Path.Combine(_folder, "submissions.db");

    public string ConnectionString => $"Data Source={File}";

    public long Size { get; private set; }

    public static Guid ConsultationOf(long paper) => new(Convert.ToInt32(paper % Consultations) + 1, 0, 0, new byte[8]);

    /// <summary>
    /// Fills the file fast: the rows a draft and its submission would leave (the paper, its version, their bodies' rows,
    /// its list position and the counter), written by parameterised INSERTs, many thousand per transaction.
    /// </summary>
    public async Task FillToAsync(long size)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        while (Size < size)
        {
            var batch = (int)Math.Min(FillBatch, size - Size);
            await using var transaction = connection.BeginTransaction();
            await using var paper = Command(connection, transaction, """
                INSERT INTO Papers (Id, ConsultationId, Organisation, Title, Summary, Status, Version, Revision, DeliveredToRegulator, ReservedByDigestId, CreatedAt, CreatedBy, UpdatedAt, ListPosition)
                VALUES ($id, $consultation, $organisation, $title, $summary, 'Submitted', 1, 2, 0, NULL, $created, 'bench-author', $submitted, $position)
                """, "$id", "$consultation", "$organisation", "$title", "$summary", "$created", "$submitted", "$position");
            await using var paperBody = Command(connection, transaction, "INSERT INTO PaperBodies (Id, Body) VALUES ($id, $body)", "$id", "$body");
            await using var version = Command(connection, transaction, """
                INSERT INTO PaperVersion (PaperId, Number, Title, Summary, ContentHash, SubmittedAt, SubmittedBy, SubmittedEventId)
                VALUES ($id, 1, $title, $summary, $hash, $submitted, 'bench-author', $event)
                """, "$id", "$title", "$summary", "$hash", "$submitted", "$event");
            await using var versionBody = Command(connection, transaction, "INSERT INTO PaperVersionBodies (PaperId, Number, Body) VALUES ($id, 1, $body)", "$id", "$body");
            for (var i = 0; i < batch; i++)
            {
                var position = ++Size;
                var created = _start.AddSeconds(position);
                var id = Text(Guid.CreateVersion7(new DateTimeOffset(created)));
                var title = $"Position paper {position}";
                var summary = $"Summary of position paper {position}: avatars must not leak location.";
                var body = _bodies.Next(position);
                var submitted = Text(created.AddMinutes(1));
                Run(paper, id, Text(ConsultationOf(position)), $"org-{position % Organisations}", title, summary, Text(created), submitted, position);
                Run(paperBody, id, body);
                Run(version, id, title, summary, position.ToString("x64", CultureInfo.InvariantCulture), submitted, Text(Guid.NewGuid()));
                Run(versionBody, id, body);
            }
            await using var counter = Command(connection, transaction, "UPDATE ListCounters SET Last = $last WHERE Name = 'papers'", "$last");
            Run(counter, Size);
            await transaction.CommitAsync();
        }
    }

    /// <summary>The id of the paper at a position in the list.</summary>
    public async Task<Guid> PaperAtAsync(long position)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var query = Command(connection, null, "SELECT Id FROM Papers WHERE ListPosition = $position", "$position");
        query.Parameters[0].Value = position;
        return Guid.Parse((string)(await query.ExecuteScalarAsync())!);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }

    // As EF Core's SQLite provider stores them, so that the service reads these rows as its own.
    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static string Text(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
