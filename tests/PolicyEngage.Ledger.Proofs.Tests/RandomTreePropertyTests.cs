namespace PolicyEngage.Ledger.Proofs.Tests;

/// <summary>
/// Stored-node roots and proofs against <see cref="ReferenceMerkle"/> on 200 random tree sizes up to 2,000 (seeded, so a
/// failure repeats), and <see cref="MerkleVerify"/> against tampering of each kind.
/// </summary>
public class RandomTreePropertyTests
{
    private const int MaxSize = 2000;
    private const int Trees = 200;
    private const int SamplesPerTree = 5;

    private static readonly List<byte[]> Leaves = RandomLeaves(new Random(6962), MaxSize);
    private static readonly Dictionary<NodeKey, byte[]> Store = NodeStore.Of(Leaves).Nodes;
    private static readonly Dictionary<int, byte[]> ReferenceRoots = [];

    [Fact]
    public void Roots_and_proofs_read_from_stored_nodes_equal_the_recursive_reference()
    {
        foreach (var (size, random) in RandomSizes(seed: 1))
        {
            Assert.Equal(ReferenceRoot(size), MerkleTree.Root(size, NodeStore.Pick(Store, MerkleTree.NodesForRoot(size), size)));

            foreach (var leaf in SampleOf(random, 0, size - 1))
            {
                var proof = MerkleTree.InclusionProof(leaf, size, NodeStore.Pick(Store, MerkleTree.NodesForInclusion(leaf, size), size));
                Assert.Equal(ReferenceMerkle.Path(leaf, Leaves[..size]), proof);
            }
            foreach (var fromSize in SampleOf(random, 1, size))
            {
                var proof = MerkleTree.ConsistencyProof(fromSize, size, NodeStore.Pick(Store, MerkleTree.NodesForConsistency(fromSize, size), size));
                Assert.Equal(ReferenceMerkle.Proof(fromSize, Leaves[..size]), proof);
            }
        }
    }

    [Fact]
    public void Every_inclusion_proof_verifies_and_none_survives_a_flipped_bit_a_wrong_index_or_another_size()
    {
        foreach (var (size, random) in RandomSizes(seed: 2))
        {
            var root = ReferenceRoot(size);
            foreach (var leaf in SampleOf(random, 0, size - 1))
            {
                var proof = MerkleTree.InclusionProof(leaf, size, Store);
                var leafHash = Leaves[leaf];
                Assert.True(MerkleVerify.Inclusion(leafHash, leaf, size, proof, root), $"leaf {leaf} of {size}");

                for (var i = 0; i < proof.Count; i++)
                {
                    var tampered = proof.ToList();
                    tampered[i] = Bits.Flip(proof[i], random.Next(256));
                    Assert.False(MerkleVerify.Inclusion(leafHash, leaf, size, tampered, root), $"proof[{i}] flipped, leaf {leaf} of {size}");
                }
                Assert.False(MerkleVerify.Inclusion(Bits.Flip(leafHash, random.Next(256)), leaf, size, proof, root));
                Assert.False(MerkleVerify.Inclusion(leafHash, leaf, size, proof, Bits.Flip(root, random.Next(256))));
                Assert.False(MerkleVerify.Inclusion(leafHash, leaf, size, [.. proof, root], root));
                if (proof.Count > 0) Assert.False(MerkleVerify.Inclusion(leafHash, leaf, size, proof.Take(proof.Count - 1).ToList(), root));

                foreach (var otherLeaf in new[] { leaf - 1, leaf + 1, random.Next(size) }.Where(other => other != leaf))
                    Assert.False(MerkleVerify.Inclusion(leafHash, otherLeaf, size, proof, root), $"leaf {leaf} of {size} claimed as {otherLeaf}");
                // A size travels with its own root (a checkpoint signs both), so another size is checked against its root.
                foreach (var otherSize in new[] { size - 1, size + 1, 2 * size }.Where(other => other > leaf && other <= MaxSize))
                    Assert.False(MerkleVerify.Inclusion(leafHash, leaf, otherSize, proof, ReferenceRoot(otherSize)), $"leaf {leaf} of {size} claimed in {otherSize}");
            }
        }
    }

    [Fact]
    public void Every_consistency_proof_verifies_and_none_survives_a_flipped_bit_or_other_sizes()
    {
        foreach (var (size, random) in RandomSizes(seed: 3))
        {
            var toRoot = ReferenceRoot(size);
            foreach (var fromSize in SampleOf(random, 1, size))
            {
                var fromRoot = ReferenceRoot(fromSize);
                var proof = MerkleTree.ConsistencyProof(fromSize, size, Store);
                Assert.True(MerkleVerify.Consistency(fromSize, size, fromRoot, toRoot, proof), $"{fromSize} to {size}");

                for (var i = 0; i < proof.Count; i++)
                {
                    var tampered = proof.ToList();
                    tampered[i] = Bits.Flip(proof[i], random.Next(256));
                    Assert.False(MerkleVerify.Consistency(fromSize, size, fromRoot, toRoot, tampered), $"proof[{i}] flipped, {fromSize} to {size}");
                }
                Assert.False(MerkleVerify.Consistency(fromSize, size, Bits.Flip(fromRoot, random.Next(256)), toRoot, proof));
                Assert.False(MerkleVerify.Consistency(fromSize, size, fromRoot, Bits.Flip(toRoot, random.Next(256)), proof));

                foreach (var (otherFrom, otherTo) in new[] { (fromSize - 1, size), (fromSize + 1, size), (fromSize, size + 1), (fromSize, size - 1) }
                             .Where(sizes => sizes.Item1 >= 1 && sizes.Item1 <= sizes.Item2 && sizes.Item2 <= MaxSize))
                    Assert.False(MerkleVerify.Consistency(otherFrom, otherTo, ReferenceRoot(otherFrom), ReferenceRoot(otherTo), proof),
                        $"{fromSize} to {size} claimed as {otherFrom} to {otherTo}");
            }
        }
    }

    private static IEnumerable<(int Size, Random Random)> RandomSizes(int seed)
    {
        var random = new Random(seed);
        for (var tree = 0; tree < Trees; tree++) yield return (random.Next(1, MaxSize + 1), random);
    }

    /// <summary>A few values in [min, max], always with both ends, where most edge cases live.</summary>
    private static IEnumerable<int> SampleOf(Random random, int min, int max) =>
        Enumerable.Range(0, SamplesPerTree).Select(_ => random.Next(min, max + 1)).Append(min).Append(max).Distinct().ToList();

    private static byte[] ReferenceRoot(int size)
    {
        lock (ReferenceRoots)
        {
            if (!ReferenceRoots.TryGetValue(size, out var root)) ReferenceRoots[size] = root = ReferenceMerkle.Root(Leaves[..size]);
            return root;
        }
    }

    private static List<byte[]> RandomLeaves(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ =>
        {
            var input = new byte[random.Next(0, 100)];
            random.NextBytes(input);
            return MerkleHash.Leaf(input);
        }).ToList();
}
