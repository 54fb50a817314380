using System.Text.Json;
using PolicyEngage.Audit.Ledger;
using PolicyEngage.Contracts;

namespace PolicyEngage.Audit.Tests;

public sealed class StoredEventTests
{
    private static readonly string ContentHash = new('a', 64);

    [Fact]
    public async Task Each_hash_is_sha256_of_the_previous_hash_followed_by_the_canonical_stored_event()
    {
        await using var database = await AuditDatabase.CreateAsync();
        var (regulatorId, consultationId, paperId) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var registered = SampleEvents.Registered(regulatorId);
        var opened = SampleEvents.Opened(consultationId, regulatorId, causationId: registered.EventId);
        var submitted = SampleEvents.Submitted(consultationId, paperId, causationId: opened.EventId);
        await database.ReceiveAsync(registered, SampleEvents.Start);
        await database.ReceiveAsync(opened, SampleEvents.Start.AddSeconds(1));
        await database.ReceiveAsync(submitted, SampleEvents.Start.AddSeconds(2));

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
        await using var database = await AuditDatabase.CreateAsync();
        var (consultationId, paperId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        const string body = "Ünïcode position — \"quoted\"\nsecond line";
        var submitted = SampleEvents.Submitted(consultationId, paperId, causationId: null, body);

        await database.ReceiveAsync(submitted, SampleEvents.Start);

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
        await using var database = await AuditDatabase.CreateAsync();
        var (consultationId, paperId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var review = SampleEvents.Reviewed(consultationId, paperId, causationId: Guid.Empty, ReviewOutcome.RequestChanges) with { CausationId = null };

        await database.ReceiveAsync(review, SampleEvents.Start, service: "Reviews");

        var entry = Assert.Single(await database.EntriesAsync());
        Assert.Contains("\"outcome\":\"RequestChanges\"", entry.Data);
        Assert.Equal(("ReviewCompleted", "Reviews", "reviewer-1", review.OccurredAt), (entry.EventType, entry.Service, entry.Actor, entry.OccurredAt));
        Assert.Equal(DateTimeKind.Utc, entry.OccurredAt.Kind);
    }

    [Fact]
    public async Task A_digest_names_every_paper_it_carries_but_no_single_paper()
    {
        await using var database = await AuditDatabase.CreateAsync();
        var (consultationId, regulatorId, first, second) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var compiled = SampleEvents.Compiled(consultationId, regulatorId, Guid.CreateVersion7(), Guid.Empty, first, second) with { CausationId = null };

        await database.ReceiveAsync(compiled, SampleEvents.Start);

        var entry = Assert.Single(await database.EntriesAsync());
        Assert.Equal(consultationId, entry.ConsultationId);
        Assert.Null(entry.PaperId);
        Assert.Equal(new[] { first, second }.Order(), entry.Papers.Select(p => p.PaperId).Order());
    }

    [Fact]
    public void An_event_without_a_service_header_is_recorded_as_from_an_unknown_service()
    {
        var pending = PendingEvent.Of(SampleEvents.Registered(Guid.CreateVersion7()), service: null, SampleEvents.Start);

        Assert.Equal("unknown", pending.Service);
    }
}
