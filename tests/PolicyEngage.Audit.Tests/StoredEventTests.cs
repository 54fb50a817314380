using System.Text.Json;
using PolicyEngage.Audit.Data;
using PolicyEngage.Audit.Ledger;
using PolicyEngage.Audit.Tests.Support;
using PolicyEngage.Contracts;
using PolicyEngage.Testing.Events;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.Audit.Tests;

public sealed class StoredEventTests
{
    private static readonly string ContentHash = new('a', 64);

    [Fact]
    public async Task Each_hash_is_sha256_of_the_previous_hash_followed_by_the_canonical_stored_event()
    {
        using var database = new SqliteTestDatabase<SqliteAuditDbContext>();
        var (regulatorId, consultationId, paperId) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var registered = RegulatorEvents.Registered(regulatorId);
        var opened = ConsultationEvents.Opened(consultationId, regulatorId, causationId: registered.EventId);
        var submitted = PaperEvents.Submitted(consultationId, paperId, causationId: opened.EventId);
        await database.ReceiveAsync(registered, ConsultationStory.Start);
        await database.ReceiveAsync(opened, ConsultationStory.Start.AddSeconds(1));
        await database.ReceiveAsync(submitted, ConsultationStory.Start.AddSeconds(2));

        var entries = await database.EntriesAsync();

        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Sequence));
        // RFC 8785 by hand: keys in code-unit order, no whitespace, the published camelCase names and UTC times.
        Assert.Equal(
            $$"""{"actor":"liaison-1","causationId":null,"eventId":"{{registered.EventId}}","jurisdiction":"UK","name":"Ofcom","occurredAt":"2026-03-01T09:00:00Z","regulatorId":"{{regulatorId}}"}""",
            entries[0].Data);
        Assert.Equal(
            $$"""{"actor":"liaison-1","causationId":"{{registered.EventId}}","closesAt":"2026-03-31T09:00:00Z","consultationId":"{{consultationId}}","eventId":"{{opened.EventId}}","occurredAt":"2026-03-01T09:01:00Z","reference":"MV-2026-01","regulatorId":"{{regulatorId}}","summary":"Call for positions","title":"Metaverse user rights"}""",
            entries[1].Data);

        var previousHash = SpecHash.Genesis;
        foreach (var entry in entries)
        {
            Assert.Equal(previousHash, entry.PreviousHash);
            Assert.Equal(SpecHash.EntryHash(previousHash, entry.Data), entry.Hash);
            previousHash = entry.Hash;
        }
    }

    [Fact]
    public async Task A_submitted_paper_is_stored_with_the_hash_of_its_body_instead_of_the_body()
    {
        using var database = new SqliteTestDatabase<SqliteAuditDbContext>();
        var (consultationId, paperId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        const string body = "Ünïcode position — \"quoted\"\nsecond line";
        var submitted = PaperEvents.Submitted(consultationId, paperId, title: "Privacy by design", summary: "Short summary", body: body, contentHash: ContentHash);

        await database.ReceiveAsync(submitted, ConsultationStory.Start);

        var entry = Assert.Single(await database.EntriesAsync());
        Assert.Equal(
            $$"""{"actor":"author-1","bodyHash":"{{SpecHash.Sha256Hex(body)}}","causationId":null,"consultationId":"{{consultationId}}","contentHash":"{{ContentHash}}","eventId":"{{submitted.EventId}}","occurredAt":"2026-03-01T10:00:00Z","organisation":"acme","paperId":"{{paperId}}","summary":"Short summary","title":"Privacy by design","version":1}""",
            entry.Data);
        Assert.DoesNotContain("second line", entry.Data);
        using var stored = JsonDocument.Parse(entry.Data);
        Assert.False(stored.RootElement.TryGetProperty("body", out _));
        Assert.Equal("PositionPaperSubmitted", entry.EventType);
        Assert.Equal((consultationId, paperId), (entry.ConsultationId, entry.PaperId));
        Assert.Equal([paperId], entry.Papers.Select(p => p.PaperId));
    }

    [Fact]
    public async Task Enums_are_stored_as_their_names_and_the_receiving_details_are_kept()
    {
        using var database = new SqliteTestDatabase<SqliteAuditDbContext>();
        var (consultationId, paperId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var review = ReviewEvents.Completed(consultationId, paperId, outcome: ReviewOutcome.RequestChanges);

        await database.ReceiveAsync(review, ConsultationStory.Start, service: "Reviews");

        var entry = Assert.Single(await database.EntriesAsync());
        Assert.Contains("\"outcome\":\"RequestChanges\"", entry.Data);
        Assert.Equal(("ReviewCompleted", "Reviews", "reviewer-1", review.OccurredAt), (entry.EventType, entry.Service, entry.Actor, entry.OccurredAt));
        Assert.Equal(DateTimeKind.Utc, entry.OccurredAt.Kind);
    }

    [Fact]
    public async Task A_digest_names_every_paper_it_carries_but_no_single_paper()
    {
        using var database = new SqliteTestDatabase<SqliteAuditDbContext>();
        var (consultationId, regulatorId, first, second) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var compiled = DigestEvents.Compiled(consultationId, regulatorId, Guid.CreateVersion7(), null, first, second);

        await database.ReceiveAsync(compiled, ConsultationStory.Start);

        var entry = Assert.Single(await database.EntriesAsync());
        Assert.Equal(consultationId, entry.ConsultationId);
        Assert.Null(entry.PaperId);
        Assert.Equal(new[] { first, second }.Order(), entry.Papers.Select(p => p.PaperId).Order());
    }

    [Theory]
    [InlineData("""{"consultationId":"C","paperId":"P"}""", "C", "P", "P")]
    [InlineData("""{"papers":[{"paperId":"P"},{"paperId":"Q","version":2},{"paperId":"P"}],"consultationId":"C"}""", "C", null, "P,Q")]
    // Only the top level names: a nested consultationId or paperId is someone else's.
    [InlineData("""{"detail":{"consultationId":"C","paperId":"P"},"papers":[{"inner":{"paperId":"P"}}]}""", null, null, "")]
    // Values of the wrong kind name nothing, and the read goes on past them.
    [InlineData("""{"consultationId":7,"paperId":"not a guid","papers":[1,"P",{"paperId":null},{"paperId":["P"]},{"paperId":"Q"}],"z":"C"}""", null, null, "Q")]
    [InlineData("""{"papers":{"paperId":"P"},"paperId":"Q"}""", null, "Q", "Q")]
    [InlineData("""[{"consultationId":"C"}]""", null, null, "")]
    public void A_stored_event_names_its_top_level_consultation_and_papers_and_nothing_else(string data, string? consultation, string? paper, string listed)
    {
        var ids = new Dictionary<string, Guid> { ["C"] = Guid.CreateVersion7(), ["P"] = Guid.CreateVersion7(), ["Q"] = Guid.CreateVersion7() };
        var json = ids.Aggregate(data, (text, id) => text.Replace($"\"{id.Key}\"", $"\"{id.Value}\""));

        var references = StoredEvent.ReferencesOf(json);

        Assert.Equal(consultation is null ? null : ids[consultation], references.ConsultationId);
        Assert.Equal(paper is null ? null : ids[paper], references.PaperId);
        Assert.Equal(listed.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(key => ids[key]), references.PaperIds);
    }
}
