namespace PolicyEngage.Ledger.Proofs.Tests;

public class AppendTests
{
    [Fact]
    public void Appending_leaf_by_leaf_gives_the_reference_root_after_every_leaf()
    {
        var random = new Random(11);
        var leaves = new List<byte[]>();
        var store = new NodeStore();
        for (var size = 1; size <= 300; size++)
        {
            var leaf = new byte[random.Next(1, 40)];
            random.NextBytes(leaf);
            leaves.Add(MerkleHash.Leaf(leaf));
            store.Append(leaves[^1]);

            Assert.Equal(ReferenceMerkle.Root(leaves), MerkleTree.Root(size, NodeStore.Pick(store.Nodes, MerkleTree.NodesForRoot(size), size)));
        }
    }

    [Fact]
    public void Append_names_the_leaf_first_then_each_node_it_completes_upwards()
    {
        var leaves = Enumerable.Range(0, 8).Select(i => MerkleHash.Leaf([(byte)i])).ToList();
        var store = NodeStore.Of(leaves[..7]).Nodes;

        var completed = MerkleTree.Append(7, leaves[7], NodeStore.Pick(store, MerkleTree.NodesToAppend(7)));

        Assert.Equal([new NodeKey(0, 7), new NodeKey(1, 3), new NodeKey(2, 1), new NodeKey(3, 0)], completed.Select(node => node.Key));
        Assert.Equal(leaves[7], completed[0].Hash);
        Assert.Equal(ReferenceMerkle.Root(leaves), completed[^1].Hash);
        Assert.Equal([new NodeKey(0, 6), new NodeKey(1, 2), new NodeKey(2, 0)], MerkleTree.NodesToAppend(7));
        Assert.Empty(MerkleTree.NodesToAppend(8));
    }

    [Fact]
    public void Appending_reads_and_writes_at_most_log2_n_plus_one_nodes()
    {
        var store = new NodeStore();
        for (long n = 0; n < 5000; n++)
        {
            var bound = CeilingLog2(n) + 1;
            Assert.True(MerkleTree.NodesToAppend(n).Count <= bound, $"append at {n} reads {MerkleTree.NodesToAppend(n).Count}");
            var written = MerkleTree.Append(n, MerkleHash.Leaf([]), NodeStore.Pick(store.Nodes, MerkleTree.NodesToAppend(n)));
            Assert.True(written.Count <= bound + 1, $"append at {n} writes {written.Count}");
            store.Append(MerkleHash.Leaf([]));
        }
        foreach (var n in new[] { (1L << 40) - 1, 1L << 40, (1L << 62) - 1 })
            Assert.True(MerkleTree.NodesToAppend(n).Count <= CeilingLog2(n) + 1);
    }

    [Fact]
    public void Roots_and_proofs_of_huge_trees_read_a_logarithmic_number_of_nodes()
    {
        var random = new Random(5);
        for (var i = 0; i < 1000; i++)
        {
            var size = random.NextInt64(2, 1L << 48);
            var other = random.NextInt64(1, size);
            var log = CeilingLog2(size);
            Assert.True(MerkleTree.NodesForRoot(size).Count <= log + 1);
            Assert.True(MerkleTree.NodesForInclusion(other, size).Count <= 2 * log, $"inclusion of {other} in {size}");
            Assert.True(MerkleTree.NodesForConsistency(other, size).Count <= 2 * log + 1, $"consistency {other} to {size}");
        }
    }

    [Fact]
    public void A_node_not_given_is_named_and_bad_sizes_are_refused()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => MerkleTree.Root(3, new Dictionary<NodeKey, byte[]>()));
        Assert.Contains("level 0, index 2", error.Message);

        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.NodesForInclusion(5, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.NodesForInclusion(-1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.NodesForConsistency(0, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.NodesForConsistency(6, 5));
        Assert.Throws<ArgumentException>(() => MerkleTree.Append(0, new byte[31], new Dictionary<NodeKey, byte[]>()));
    }

    [Fact]
    public void Verification_refuses_impossible_sizes_and_hashes_of_the_wrong_length()
    {
        var leaf = MerkleHash.Leaf([1]);
        Assert.True(MerkleVerify.Inclusion(leaf, 0, 1, [], leaf));
        Assert.False(MerkleVerify.Inclusion(leaf, 1, 1, [], leaf));
        Assert.False(MerkleVerify.Inclusion(leaf, -1, 1, [], leaf));
        Assert.False(MerkleVerify.Inclusion(leaf[..31], 0, 1, [], leaf[..31]));

        Assert.True(MerkleVerify.Consistency(1, 1, leaf, leaf, []));
        Assert.False(MerkleVerify.Consistency(1, 1, leaf, leaf, [leaf]));
        Assert.False(MerkleVerify.Consistency(0, 1, MerkleHash.Empty, leaf, []));
        Assert.False(MerkleVerify.Consistency(2, 1, leaf, leaf, []));
        Assert.False(MerkleVerify.Consistency(1, 2, leaf, MerkleHash.Node(leaf, leaf), []));
        Assert.False(MerkleVerify.Consistency(1, 2, leaf, MerkleHash.Node(leaf, leaf), [new byte[31]]));
    }

    private static int CeilingLog2(long n) => n <= 1 ? 0 : 64 - (int)long.LeadingZeroCount(n - 1);
}
