using Microsoft.EntityFrameworkCore;
using PolicyEngage.Audit.Checkpoints;
using PolicyEngage.Audit.Data;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.Audit.Tests;

/// <summary>The signer's lease on a real SQLite file, each process with a connection of its own.</summary>
public sealed class SignerLeaseTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly DateTime Start = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    private readonly SqliteTestDatabase<SqliteAuditDbContext> _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Two_processes_asking_for_a_lapsed_lease_at_the_same_instant_never_both_hold_it()
    {
        for (var round = 0; round < 100; round++)
        {
            // Each round starts after the last lease has lapsed, so that both may take it and only the UPDATE decides.
            var now = Start + round * (Lease + TimeSpan.FromSeconds(1));
            await using var a = await OpenAsync();
            await using var b = await OpenAsync();
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var asks = new[] { (Holder: "a", Db: a), (Holder: "b", Db: b) }
                .Select(async process =>
                {
                    await go.Task;
                    return (process.Holder, Held: await SignerLease.TryHoldAsync(process.Db, process.Holder, now, Lease, CancellationToken.None));
                })
                .ToList();
            go.SetResult();
            var held = (await Task.WhenAll(asks)).Where(answer => answer.Held).Select(answer => answer.Holder).ToList();

            Assert.Equal(Assert.Single(held), (await HolderAsync()).Holder);
        }
    }

    [Fact]
    public async Task The_holder_renews_its_lease_and_another_takes_it_only_once_it_lapses()
    {
        await using var db = await OpenAsync();
        Assert.True(await SignerLease.TryHoldAsync(db, "a", Start, Lease, CancellationToken.None));

        Assert.False(await SignerLease.TryHoldAsync(db, "b", Start + Lease / 2, Lease, CancellationToken.None));
        Assert.True(await SignerLease.TryHoldAsync(db, "a", Start + Lease / 2, Lease, CancellationToken.None));
        // Renewed from its last round: still held where the first lease would have lapsed.
        Assert.False(await SignerLease.TryHoldAsync(db, "b", Start + Lease + TimeSpan.FromSeconds(1), Lease, CancellationToken.None));
        Assert.Equal(("a", Start + Lease / 2 + Lease), await HolderAsync());

        Assert.True(await SignerLease.TryHoldAsync(db, "b", Start + Lease / 2 + Lease + TimeSpan.FromSeconds(1), Lease, CancellationToken.None));
        Assert.False(await SignerLease.TryHoldAsync(db, "a", Start + Lease / 2 + Lease + TimeSpan.FromSeconds(2), Lease, CancellationToken.None));
    }

    [Fact]
    public async Task A_released_lease_is_taken_at_once_and_only_its_holder_can_release_it()
    {
        await using var db = await OpenAsync();
        Assert.True(await SignerLease.TryHoldAsync(db, "a", Start, Lease, CancellationToken.None));

        await SignerLease.ReleaseAsync(db, "b", CancellationToken.None);
        Assert.False(await SignerLease.TryHoldAsync(db, "b", Start.AddSeconds(1), Lease, CancellationToken.None));

        await SignerLease.ReleaseAsync(db, "a", CancellationToken.None);
        Assert.True(await SignerLease.TryHoldAsync(db, "b", Start.AddSeconds(2), Lease, CancellationToken.None));
    }

    private async Task<AuditDbContext> OpenAsync()
    {
        var db = _database.Open();
        await db.Database.OpenConnectionAsync();
        return db;
    }

    private async Task<(string Holder, DateTime ExpiresAt)> HolderAsync()
    {
        await using var db = _database.Open();
        var lease = await db.SignerLeases.AsNoTracking().SingleAsync();
        return (lease.Holder, lease.ExpiresAt);
    }
}
