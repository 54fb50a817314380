using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PolicyEngage.Audit.Ledger;

namespace PolicyEngage.Ledger.Benchmarks;

internal sealed record LedgerFigures(double AppendsPerSecond, double ProofMilliseconds, double PageMilliseconds, double VerifiedPerSecond, double HashedPerSecond);

/// <summary>The four costs the SPEC wants flat in the ledger's size, each on the ledger as it stands.</summary>
internal static class LedgerCosts
{
    private const int Appends = 500, Proofs = 500, Pages = 200, PageSize = 100;

    /// <summary>Each cost once, unmeasured, so that the first size's figures are not the JIT's.</summary>
    public static async Task WarmUpAsync(BenchLedger ledger)
    {
        await ledger.AppendOneAsync();
        await using var db = ledger.Open();
        await new LedgerTree(db).InclusionProofAsync(0, ledger.Size, CancellationToken.None);
        await db.LedgerEntries.AsNoTracking().Where(e => e.Actor == BenchLedger.ActorOf(1)).OrderBy(e => e.Sequence).Take(PageSize + 1).ToListAsync();
        await new LedgerVerifier(db, TimeProvider.System).VerifyAsync(full: false, recordHead: true, CancellationToken.None);
    }

    public static async Task<LedgerFigures> MeasureAsync(BenchLedger ledger)
    {
        // Verified up to here, so the incremental verify below checks only what is appended next.
        await using (var db = ledger.Open()) await new LedgerVerifier(db, TimeProvider.System).VerifyAsync(full: false, recordHead: true, CancellationToken.None);

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Appends; i++) await ledger.AppendOneAsync();
        var appendsPerSecond = Appends / clock.Elapsed.TotalSeconds;

        var random = new Random(20261201);
        clock.Restart();
        await using (var db = ledger.Open())
        {
            var tree = new LedgerTree(db);
            for (var i = 0; i < Proofs; i++) await tree.InclusionProofAsync(random.NextInt64(ledger.Size), ledger.Size, CancellationToken.None);
        }
        var proofMilliseconds = clock.Elapsed.TotalMilliseconds / Proofs;

        clock.Restart();
        await using (var db = ledger.Open())
        {
            for (var i = 0; i < Pages; i++)
            {
                var after = random.NextInt64(ledger.Size - PageSize * 7);
                var actor = BenchLedger.ActorOf(after);
                await db.LedgerEntries.AsNoTracking().Where(e => e.Actor == actor && e.Sequence > after)
                    .OrderBy(e => e.Sequence).Take(PageSize + 1).ToListAsync();
            }
        }
        var pageMilliseconds = clock.Elapsed.TotalMilliseconds / Pages;

        var (verifiedPerSecond, hashedPerSecond) = await VerifyAgainstHashingAsync(ledger);
        return new LedgerFigures(appendsPerSecond, proofMilliseconds, pageMilliseconds, verifiedPerSecond, hashedPerSecond);
    }

    /// <summary>
    /// An incremental verify of every entry after the last verified head (recording the new head), timed, then SHA-256
    /// of the same entries' chained bytes: entries per second of each.
    /// </summary>
    public static async Task<(double VerifiedPerSecond, double HashedPerSecond)> VerifyAgainstHashingAsync(BenchLedger ledger)
    {
        await using var db = ledger.Open();
        var verifiedBefore = await db.VerifiedHeads.AsNoTracking().Select(h => h.Sequence).SingleOrDefaultAsync();
        var clock = Stopwatch.StartNew();
        var verification = await new LedgerVerifier(db, TimeProvider.System).VerifyAsync(full: false, recordHead: true, CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        if (!verification.Valid) throw new InvalidOperationException($"The benchmark's ledger does not verify at {verification.FirstInvalidSequence}.");
        return ((verification.Count - verifiedBefore) / seconds, await HashRateAsync(ledger, verifiedBefore));
    }

    /// <summary>
    /// SHA-256 over the same bytes the chain hashes (previousHash ‖ data) of the entries after <paramref name="sequence"/>,
    /// read a batch at a time and hashed in memory (only the hashing timed); a few entries are hashed in as many rounds as
    /// make 100,000 hashes, a tenth of a second or so, long enough to time.
    /// </summary>
    private static async Task<double> HashRateAsync(BenchLedger ledger, long sequence)
    {
        const int Batch = 10_000, AtLeast = 100_000;
        await using var db = ledger.Open();
        var rounds = (int)Math.Max(1, AtLeast / Math.Max(1, await db.LedgerEntries.LongCountAsync(e => e.Sequence > sequence)));
        var hashed = 0L;
        var hashing = new Stopwatch();
        for (var from = sequence; ; from += Batch)
        {
            var links = await db.LedgerEntries.AsNoTracking().Where(e => e.Sequence > from && e.Sequence <= from + Batch)
                .Select(e => Encoding.UTF8.GetBytes(e.PreviousHash + e.Data)).ToListAsync();
            if (links.Count == 0) break;
            hashing.Start();
            for (var round = 0; round < rounds; round++)
                foreach (var bytes in links) SHA256.HashData(bytes);
            hashing.Stop();
            hashed += (long)links.Count * rounds;
        }
        return hashed / hashing.Elapsed.TotalSeconds;
    }
}
