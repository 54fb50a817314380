using System.Text;
using PolicyEngage.Audit.Data;
using PolicyEngage.Audit.Ledger;
using PolicyEngage.Audit.Tests.Support;
using PolicyEngage.Contracts;
using PolicyEngage.Ledger.Proofs;
using PolicyEngage.Testing.Events;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.Audit.Tests;

/// <summary>
/// The leaf written straight from an entry's columns must be the SPEC's leaf byte for byte: RFC 8785 over the entry as
/// a timeline shows it, the published way an outsider recomputes it (LedgerLeaf.Input, which the offline verifier uses).
/// </summary>
public sealed class LeafInputTests
{
    /// <summary>What RFC 8785 escapes and what it leaves alone: quotes, backslashes, each control character, non-ASCII, surrogate pairs.</summary>
    private static readonly string[] AwkwardTexts =
    [
        "plain", "", "quote \" and backslash \\", "tab\tnewline\nreturn\rbackspace\bfeed\f", "\u0000\u0001\u001f\u007f",
        "政策文件 — ümlaut", "emoji 🎉 and a lone-looking \u2028 separator", "</script>&'+", new string('x', 5_000),
    ];

    [Fact]
    public async Task The_leaf_written_from_the_columns_is_the_leaf_of_the_entry_as_a_timeline_shows_it_for_entries_of_every_shape()
    {
        using var database = new SqliteTestDatabase<SqliteAuditDbContext>();
        var received = ConsultationStory.Start;
        var regulatorId = Guid.CreateVersion7();
        IntegrationEvent previous = RegulatorEvents.Registered(regulatorId);
        await database.ReceiveAsync(previous, received); // no consultation, no paper
        for (var i = 0; i < AwkwardTexts.Length; i++)
        {
            var text = AwkwardTexts[i];
            // Times with no fraction, a whole millisecond, and every tick; ids present and absent; the text in every string.
            var occurredAt = ConsultationStory.Start.AddSeconds(i).AddTicks(i switch { 0 => 0, 1 => 10_000, _ => 1_234_567 + i });
            var submitted = PaperEvents.Submitted(title: text, summary: text, body: text, organisation: $"org {text}") with
            {
                OccurredAt = occurredAt,
                Actor = text,
                CausationId = null,
            };
            await database.ReceiveAsync(submitted, received.AddSeconds(i), service: text == "" ? "Submissions" : text);
            var registered = RegulatorEvents.Registered(Guid.CreateVersion7(), name: text, jurisdiction: text) with { OccurredAt = occurredAt, Actor = text };
            await database.ReceiveAsync(registered, received.AddSeconds(i));
        }

        var entries = await database.EntriesAsync(); // as the verifier reads them: from the file
        Assert.Equal(1 + 2 * AwkwardTexts.Length, entries.Count);
        Assert.Contains(entries, entry => entry.ConsultationId is null && entry.PaperId is null);
        Assert.Contains(entries, entry => entry.ConsultationId is not null && entry.PaperId is not null);
        foreach (var entry in entries)
        {
            var published = LedgerLeaf.Input(TimelineEntry.JsonOf(entry));
            Assert.Equal(Encoding.UTF8.GetString(published), LeafInput.TextOf(entry));
            Assert.Equal(MerkleHash.Leaf(published), LeafInput.HashOf(entry));
        }
    }
}
