using PolicyEngage.Audit.Data;
using PolicyEngage.Audit.Ledger;
using PolicyEngage.Audit.Tests.Support;
using PolicyEngage.Testing.Events;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.Audit.Tests;

public sealed class VerifyTests
{
    /// <summary>Four entries: 1 RegulatorRegistered, 2 ConsultationOpened, 3 ConsultationClosed, 4 DigestCompiled.</summary>
    private static async Task<SqliteTestDatabase<SqliteAuditDbContext>> FourEntriesAsync()
    {
        var database = new SqliteTestDatabase<SqliteAuditDbContext>();
        var (regulatorId, consultationId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var registered = RegulatorEvents.Registered(regulatorId);
        var opened = ConsultationEvents.Opened(consultationId, regulatorId, registered.EventId);
        var closed = ConsultationEvents.Closed(consultationId, regulatorId) with { CausationId = opened.EventId };
        var compiled = DigestEvents.Compiled(consultationId, regulatorId, Guid.CreateVersion7(), closed.EventId, Guid.CreateVersion7());
        var t = ConsultationStory.Start;
        await database.ReceiveAsync(registered, t);
        await database.ReceiveAsync(opened, t.AddSeconds(1));
        await database.ReceiveAsync(closed, t.AddSeconds(2));
        await database.ReceiveAsync(compiled, t.AddSeconds(3));
        return database;
    }

    [Fact]
    public async Task An_intact_chain_is_valid_and_names_its_head()
    {
        using var database = await FourEntriesAsync();
        var entries = await database.EntriesAsync();

        var verification = await database.VerifyAsync();

        Assert.Equal(new LedgerVerification(true, 4, entries[^1].Hash, null), verification);
    }

    [Fact]
    public async Task An_empty_ledger_is_valid_with_the_genesis_hash_as_head()
    {
        using var database = new SqliteTestDatabase<SqliteAuditDbContext>();

        Assert.Equal(new LedgerVerification(true, 0, SpecHash.Genesis, null), await database.VerifyAsync());
    }

    [Theory]
    [InlineData("UPDATE LedgerEntries SET Data = replace(Data, 'Metaverse', 'Multiverse') WHERE Sequence = 2", 4, 2)]
    [InlineData("UPDATE LedgerEntries SET Hash = 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff' WHERE Sequence = 3", 4, 3)]
    [InlineData("UPDATE LedgerEntries SET PreviousHash = '0000000000000000000000000000000000000000000000000000000000000000' WHERE Sequence = 4", 4, 4)]
    [InlineData("DELETE FROM LedgerEntries WHERE Sequence = 3", 3, 3)]
    [InlineData("DELETE FROM LedgerEntries WHERE Sequence = 1", 3, 1)]
    public async Task A_tampered_row_or_a_gap_is_found_at_its_sequence(string tampering, long count, long firstInvalidSequence)
    {
        using var database = await FourEntriesAsync();

        await database.ExecuteSqlAsync(tampering);

        var verification = await database.VerifyAsync();
        Assert.False(verification.Valid);
        Assert.Equal(count, verification.Count);
        Assert.Equal(firstInvalidSequence, verification.FirstInvalidSequence);
    }

    [Fact]
    public async Task Rewriting_an_entry_together_with_its_own_hash_still_breaks_the_link_to_the_next()
    {
        using var database = await FourEntriesAsync();
        var second = (await database.EntriesAsync())[1];
        var forgedData = second.Data.Replace("Metaverse", "Multiverse");
        var forgedHash = SpecHash.EntryHash(second.PreviousHash, forgedData);

        await database.ExecuteSqlAsync("UPDATE LedgerEntries SET Data = {0}, Hash = {1} WHERE Sequence = 2", forgedData, forgedHash);

        Assert.Equal(3, (await database.VerifyAsync()).FirstInvalidSequence);
    }
}
