using PolicyEngage.Audit.Ledger;

namespace PolicyEngage.Audit.Tests;

public sealed class VerifyTests
{
    /// <summary>Four entries: 1 RegulatorRegistered, 2 ConsultationOpened, 3 ConsultationClosed, 4 DigestCompiled.</summary>
    private static async Task<AuditDatabase> FourEntriesAsync()
    {
        var database = await AuditDatabase.CreateAsync();
        var (regulatorId, consultationId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var registered = SampleEvents.Registered(regulatorId);
        var opened = SampleEvents.Opened(consultationId, regulatorId, registered.EventId);
        var closed = SampleEvents.Closed(consultationId, regulatorId) with { CausationId = opened.EventId };
        var compiled = SampleEvents.Compiled(consultationId, regulatorId, Guid.CreateVersion7(), closed.EventId, Guid.CreateVersion7());
        var t = SampleEvents.Start;
        await database.ReceiveAsync(registered, t);
        await database.ReceiveAsync(opened, t.AddSeconds(1));
        await database.ReceiveAsync(closed, t.AddSeconds(2));
        await database.ReceiveAsync(compiled, t.AddSeconds(3));
        return database;
    }

    [Fact]
    public async Task An_intact_chain_is_valid_and_names_its_head()
    {
        await using var database = await FourEntriesAsync();
        var entries = await database.EntriesAsync();

        var verification = await database.VerifyAsync();

        Assert.Equal(new LedgerVerification(true, 4, entries[^1].Hash, null), verification);
    }

    [Fact]
    public async Task An_empty_ledger_is_valid_with_the_genesis_hash_as_head()
    {
        await using var database = await AuditDatabase.CreateAsync();

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
        await using var database = await FourEntriesAsync();

        await database.ExecuteSqlAsync(tampering);

        var verification = await database.VerifyAsync();
        Assert.False(verification.Valid);
        Assert.Equal(count, verification.Count);
        Assert.Equal(firstInvalidSequence, verification.FirstInvalidSequence);
    }

    [Fact]
    public async Task Rewriting_an_entry_together_with_its_own_hash_still_breaks_the_link_to_the_next()
    {
        await using var database = await FourEntriesAsync();
        var second = (await database.EntriesAsync())[1];
        var forgedData = second.Data.Replace("Metaverse", "Multiverse");
        var forgedHash = SpecHash.EntryHash(second.PreviousHash, forgedData);

        await database.ExecuteSqlAsync("UPDATE LedgerEntries SET Data = {0}, Hash = {1} WHERE Sequence = 2", forgedData, forgedHash);

        Assert.Equal(3, (await database.VerifyAsync()).FirstInvalidSequence);
    }
}
