using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PolicyEngage.Audit.Tests.Support;
using PolicyEngage.Contracts;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing;
using PolicyEngage.Testing.Lists;
using PolicyEngage.Testing.Events;
using PolicyEngage.Verifier;

namespace PolicyEngage.Audit.Tests;

/// <summary>
/// A real consultation exported from Audit and checked by the offline verifier as an outsider would (exit 0), then
/// copies with one byte flipped in an entry, a proof and the checkpoint's signature (exit 1, naming the line); CSV; and
/// timelines in pages.
/// </summary>
public sealed class ExportAndPagingTests(AuditApp app) : IClassFixture<AuditApp>
{
    private HttpClient Auditor => app.ClientAs(Roles.Auditor);

    [Fact]
    public async Task An_exported_consultation_verifies_offline_and_any_flipped_byte_is_named_by_its_line()
    {
        var (consultationId, _) = await PublishConsultationAsync(papers: 4, author: "ann");
        var export = await ExportAsync($"consultationId={consultationId}", entries: 5);
        var key = (await Auditor.GetFromJsonAsync<JsonObject>("/api/audit/key"))!["verifierKey"]!.GetValue<string>();
        using var folder = new TempDirectory();

        Assert.Equal((0, ""), Run(folder, "intact", export, key));

        var lines = export.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        var entryEdited = Replace(lines, 3, "\"actor\":\"ann\"", "\"actor\":\"bob\"");
        var (code, error) = Run(folder, "entry", entryEdited, key);
        Assert.Equal(1, code);
        Assert.StartsWith("line 4: ", error);
        var proofEdited = FlipInProof(lines, 5);
        (code, error) = Run(folder, "proof", proofEdited, key);
        Assert.Equal(1, code);
        Assert.StartsWith("line 6: ", error);
        var signatureEdited = FlipInSignature(lines);
        (code, error) = Run(folder, "signature", signatureEdited, key);
        Assert.Equal(1, code);
        Assert.StartsWith("line 1: ", error);
    }

    [Fact]
    public async Task Filters_combine_and_CSV_lists_the_same_entries_with_a_header_row()
    {
        var (consultationId, submissions) = await PublishConsultationAsync(papers: 3, author: "carl");
        var paperId = submissions[1].PaperId;

        var byPaper = await ExportAsync($"consultationId={consultationId}&paperId={paperId}", entries: 1);
        Assert.Contains(paperId.ToString(), byPaper.Split('\n')[1]);
        var byActor = await ExportAsync($"consultationId={consultationId}&actor=carl", entries: 3);
        Assert.All(byActor.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1), line => Assert.Contains("\"actor\":\"carl\"", line));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/audit/export?consultationId={consultationId}");
        request.Headers.Accept.ParseAdd("text/csv");
        using var csv = await Auditor.SendAsync(request);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var rows = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("sequence,eventId,eventType,occurredAt,actor,service,consultationId,paperId,hash", rows[0]);
        Assert.Equal(5, rows.Length);
        Assert.All(rows.Skip(1), row => Assert.Equal(9, row.Split(',').Length));
    }

    [Theory]
    [InlineData("consultationId=not-a-guid")]
    [InlineData("paperId=123")]
    [InlineData("actor=")]
    [InlineData("actor=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task A_bad_export_filter_is_refused_as_a_problem(string query)
    {
        await PublishConsultationAsync(papers: 1, author: "fred");

        await ProblemAssert.IsProblemAsync(await Auditor.GetAsync($"/api/audit/export?{query}"), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    [InlineData("after=0")]
    [InlineData("after=99999999")]
    [InlineData("limit=x")]
    public async Task A_bad_page_is_refused_as_a_problem(string query)
    {
        var (consultationId, _) = await PublishConsultationAsync(papers: 1, author: "dora");

        await ProblemAssert.IsProblemAsync(await Auditor.GetAsync($"/api/audit/consultations/{consultationId}/timeline?{query}"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Timelines_page_by_sequence_with_a_next_link_until_the_end()
    {
        var (consultationId, _) = await PublishConsultationAsync(papers: 5, author: "emil");
        var whole = (await Auditor.GetFromJsonAsync<JsonArray>($"/api/audit/consultations/{consultationId}/timeline"))!;
        Assert.Equal(6, whole.Count);

        var seen = new List<long>();
        var next = $"/api/audit/consultations/{consultationId}/timeline?limit=3";
        while (next is not null)
        {
            using var page = await Auditor.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            seen.AddRange((await page.Content.ReadFromJsonAsync<JsonArray>())!.Select(e => e!["sequence"]!.GetValue<long>()));
            next = NextLink.Of(page);
            Assert.True(seen.Count <= whole.Count, "the next link never ends");
        }
        Assert.Equal(whole.Select(e => e!["sequence"]!.GetValue<long>()), seen);

        var pastTheEnd = await Auditor.GetFromJsonAsync<JsonArray>($"/api/audit/consultations/{consultationId}/timeline?after={seen[^1]}");
        Assert.Empty(pastTheEnd!);
        var actor = (await Auditor.GetFromJsonAsync<JsonArray>("/api/audit/actors/emil/timeline"))!;
        Assert.Equal(5, actor.Count);
        Assert.All(actor, entry => Assert.Equal("emil", entry!["actor"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, (await Auditor.GetAsync("/api/audit/actors/nobody-at-all/timeline")).StatusCode);
    }

    /// <summary>A registered regulator, an opened consultation and the author's submissions, each caused by the one before.</summary>
    private async Task<(Guid ConsultationId, PositionPaperSubmitted[] Submissions)> PublishConsultationAsync(int papers, string author)
    {
        var regulatorId = Guid.CreateVersion7();
        var registered = RegulatorEvents.Registered(regulatorId);
        var opened = ConsultationEvents.Opened(Guid.CreateVersion7(), regulatorId, registered.EventId);
        var submissions = Enumerable.Range(0, papers)
            .Select(_ => PaperEvents.Submitted(opened.ConsultationId, Guid.CreateVersion7(), causationId: opened.EventId) with { Actor = author })
            .ToArray();
        await app.PublishAsync([registered, opened, .. submissions]);
        return (opened.ConsultationId, submissions);
    }

    /// <summary>The export once a checkpoint covers everything published so far, holding <paramref name="entries"/> entries.</summary>
    private async Task<string> ExportAsync(string query, int entries)
    {
        string export = "";
        await Eventually.True(async () =>
        {
            export = await Auditor.GetStringAsync($"/api/audit/export?{query}");
            return export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length == entries + 1;
        }, $"an export of {entries} entries");
        return export;
    }

    private static (int ExitCode, string Error) Run(TempDirectory folder, string name, string export, string key)
    {
        var path = folder.File($"{name}.ndjson");
        File.WriteAllText(path, export);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = VerifierCommand.Run([path, "--key", key], stdout, stderr);
        return (code, stderr.ToString());
    }

    private static string Replace(string[] lines, int index, string from, string to)
    {
        Assert.Contains(from, lines[index]);
        var copy = lines.ToArray();
        copy[index] = copy[index].Replace(from, to, StringComparison.Ordinal);
        return string.Join('\n', copy) + "\n";
    }

    /// <summary>One hex digit of the line's first proof hash, changed.</summary>
    private static string FlipInProof(string[] lines, int index)
    {
        var line = JsonNode.Parse(lines[index])!.AsObject();
        var proof = line["proof"]!.AsArray();
        Assert.NotEmpty(proof);
        var hash = proof[0]!.GetValue<string>();
        proof[0] = (hash[0] == '0' ? '1' : '0') + hash[1..];
        var copy = lines.ToArray();
        copy[index] = line.ToJsonString();
        return string.Join('\n', copy) + "\n";
    }

    /// <summary>One byte of the Ed25519 signature in the checkpoint note, changed.</summary>
    private static string FlipInSignature(string[] lines)
    {
        var note = JsonNode.Parse(lines[0])!["checkpoint"]!.GetValue<string>();
        var signatureLine = note.TrimEnd('\n').Split('\n')[^1];
        var signature = Convert.FromBase64String(signatureLine[(signatureLine.LastIndexOf(' ') + 1)..]);
        signature[^1] ^= 0x01;
        var edited = note.Replace(signatureLine, signatureLine[..(signatureLine.LastIndexOf(' ') + 1)] + Convert.ToBase64String(signature), StringComparison.Ordinal);
        var copy = lines.ToArray();
        copy[0] = new JsonObject { ["checkpoint"] = edited }.ToJsonString();
        return string.Join('\n', copy) + "\n";
    }
}
