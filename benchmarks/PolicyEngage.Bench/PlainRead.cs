using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace PolicyEngage.Bench;

/// <summary>
/// P4's baseline: every column of a consultation's papers and their versions, bodies included, read with a plain SQLite
/// reader from the service's file and kept as values, and nothing else.
/// </summary>
internal static class PlainRead
{
    private const string Sql = """
        SELECT p.PaperId, p.Organisation, p.WithdrawnAt, p.WithdrawnVersion,
               v.Version, v.Title, v.Summary, v.Body, v.ContentHash, v.Outcome, v.SubmittedAt
        FROM TrackedPapers p JOIN TrackedPaperVersions v ON v.PaperId = p.PaperId
        WHERE p.ConsultationId = $consultation
        """;

    public static double MedianMilliseconds(string file, Guid consultation, int samples)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        // As EF Core's SQLite provider stores a GUID: upper-case text.
        command.Parameters.AddWithValue("$consultation", consultation.ToString().ToUpperInvariant());
        ReadAll(command); // unmeasured: the statement prepared and the file's pages cached, as for the compile
        var times = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var clock = Stopwatch.StartNew();
            var rows = ReadAll(command);
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (rows == 0) throw new InvalidOperationException($"Consultation {consultation} has no papers to read.");
        }
        return Percentiles.Of(times, 0.5);
    }

    private static int ReadAll(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var values = new object[reader.FieldCount];
        var rows = 0;
        for (; reader.Read(); rows++) reader.GetValues(values);
        return rows;
    }
}
