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

        clock.Restart();
        await using (var db = ledger.Open())
        {
            var verification = await new LedgerVerifier(db, TimeProvider.System).VerifyAsync(full: false, recordHead: true, CancellationToken.None);
            if (!verification.Valid) throw new InvalidOperationException($"The benchmark's ledger does not verify at {verification.FirstInvalidSequence}.");
        }
        var verifiedPerSecond = Appends / clock.Elapsed.TotalSeconds;

        return new LedgerFigures(appendsPerSecond, proofMilliseconds, pageMilliseconds, verifiedPerSecond, await HashRateAsync(ledger));
    }

    /// <summary>SHA-256 over the same bytes the chain hashes (previousHash ‖ data) of the last entries, in memory.</summary>
    private static async Task<double> HashRateAsync(BenchLedger ledger)
    {
        await using var db = ledger.Open();
        var links = await db.LedgerEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Take(Appends)
            .Select(e => Encoding.UTF8.GetBytes(e.PreviousHash + e.Data)).ToListAsync();
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < 20; round++)
            foreach (var bytes in links) SHA256.HashData(bytes);
        return links.Count * 20 / clock.Elapsed.TotalSeconds;
    }
}
