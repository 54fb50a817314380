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

        Assert.Equal((true, 4L, entries[^1].Hash, (long?)null), (verification.Valid, verification.Count, verification.HeadHash, verification.FirstInvalidSequence));
    }

    [Fact]
    public async Task An_empty_ledger_is_valid_with_the_genesis_hash_as_head()
    {
        using var database = new SqliteTestDatabase<SqliteAuditDbContext>();

        Assert.Equal(new LedgerVerification(true, 0, SpecHash.Genesis, null, 0, SpecHash.Sha256Hex("")), await database.VerifyAsync());
    }

    [Theory]
    [InlineData("UPDATE LedgerEntries SET Data = replace(Data, 'Metaverse', 'Multiverse') WHERE Sequence = 2", 4, 2)]
    [InlineData("UPDATE LedgerEntries SET Hash = 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff' WHERE Sequence = 3", 4, 3)]
    [InlineData("UPDATE LedgerEntries SET PreviousHash = '0000000000000000000000000000000000000000000000000000000000000000' WHERE Sequence = 4", 4, 4)]
    [InlineData("DELETE FROM LedgerEntries WHERE Sequence = 3", 3, 3)]
    [InlineData("DELETE FROM LedgerEntries WHERE Sequence = 1", 3, 1)]
    [InlineData("DELETE FROM LedgerEntryPapers WHERE Sequence = 4", 4, 4)]
    [InlineData("INSERT INTO LedgerEntryPapers (Sequence, PaperId) VALUES (2, '0198c2a4-0000-7000-8000-000000000001')", 4, 2)]
    [InlineData("UPDATE LedgerEntries SET ConsultationId = NULL WHERE Sequence = 2", 4, 2)]
    [InlineData("UPDATE LedgerEntries SET Actor = 'someone-else' WHERE Sequence = 3", 4, 3)]
    [InlineData("UPDATE LedgerEntries SET EventType = 'ConsultationOpened' WHERE Sequence = 1", 4, 1)]
    [InlineData("UPDATE LedgerEntries SET Service = 'Audit' WHERE Sequence = 4", 4, 4)]
    [InlineData("UPDATE LedgerEntries SET OccurredAt = '2020-01-01 00:00:00' WHERE Sequence = 2", 4, 2)]
    [InlineData("UPDATE LedgerTreeNodes SET Hash = 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff' WHERE Level = 0 AND \"Index\" = 2", 4, 3)]
    [InlineData("DELETE FROM LedgerTreeNodes WHERE Level = 0 AND \"Index\" = 3", 4, 4)]
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
    public async Task Rewriting_an_entry_together_with_its_own_hash_no_longer_matches_its_stored_leaf()
    {
        using var database = await FourEntriesAsync();
        var second = (await database.EntriesAsync())[1];
        var forgedData = second.Data.Replace("Metaverse", "Multiverse");
        var forgedHash = SpecHash.EntryHash(second.PreviousHash, forgedData);

        await database.ExecuteSqlAsync("UPDATE LedgerEntries SET Data = {0}, Hash = {1} WHERE Sequence = 2", forgedData, forgedHash);

        Assert.Equal(2, (await database.VerifyAsync()).FirstInvalidSequence);
    }

    [Fact]
    public async Task A_row_forged_together_with_its_stored_leaf_is_caught_by_the_signed_root_on_a_full_check()
    {
        using var database = await FourEntriesAsync();
        var checkpoint = await database.SignCheckpointAsync();
        var second = (await database.EntriesAsync())[1];
        await database.ExecuteSqlAsync("UPDATE LedgerEntries SET Actor = 'someone-else' WHERE Sequence = 2");
        var forged = (await database.EntriesAsync())[1];
        await database.ExecuteSqlAsync("UPDATE LedgerTreeNodes SET Hash = {0} WHERE Level = 0 AND \"Index\" = 1", Convert.ToHexStringLower(LedgerTree.LeafHashOf(forged)));
        Assert.NotEqual(second.Actor, forged.Actor);

        var verification = await database.VerifyAsync(full: true);

        Assert.False(verification.Valid);
        Assert.Equal(checkpoint.TreeSize, verification.FirstInvalidSequence);
        Assert.Equal((checkpoint.TreeSize, checkpoint.RootHash), (verification.TreeSize, verification.RootHash));
    }

    [Fact]
    public async Task The_incremental_check_starts_after_the_last_verified_head_and_the_full_one_rechecks_everything()
    {
        using var database = await FourEntriesAsync();
        Assert.True((await database.VerifyAsync(full: false)).Valid);
        await database.ExecuteSqlAsync("UPDATE LedgerEntries SET Actor = 'someone-else' WHERE Sequence = 2");
        await database.ReceiveAsync(RegulatorEvents.Registered(Guid.CreateVersion7()), ConsultationStory.Start.AddMinutes(1));

        var incremental = await database.VerifyAsync(full: false);
        var full = await database.VerifyAsync(full: true);

        Assert.Equal((true, 5L), (incremental.Valid, incremental.Count));
        Assert.Equal((false, 2L), (full.Valid, full.FirstInvalidSequence));
    }

    [Fact]
    public async Task A_checkpoint_signed_after_the_verified_head_was_recorded_is_checked_by_the_next_incremental_verify()
    {
        using var database = await FourEntriesAsync();
        Assert.True((await database.VerifyAsync(full: false)).Valid);
        var checkpoint = await database.SignCheckpointAsync();

        var verification = await database.VerifyAsync(full: false);

        Assert.True(verification.Valid, $"first invalid: {verification.FirstInvalidSequence}");
        Assert.Equal((4L, checkpoint.TreeSize), (verification.Count, verification.TreeSize));
        // Checked once, it is behind the verified head; a full verify checks it again.
        await database.ExecuteSqlAsync("UPDATE LedgerCheckpoints SET RootHash = {0}", new string('a', 64));
        Assert.True((await database.VerifyAsync(full: false)).Valid);
        Assert.Equal(4, (await database.VerifyAsync(full: true)).FirstInvalidSequence);
    }
}
