using System.Security.Cryptography;

namespace PolicyEngage.Ledger.Proofs.Tests;

/// <summary>Our tree against transparency-dev/merkle's published RFC 6962 tree (see <see cref="Rfc6962Vectors"/>).</summary>
public class Rfc6962VectorTests
{
    private static readonly List<byte[]> LeafHashes = Enumerable.Range(0, 8).Select(Rfc6962Vectors.LeafHash).ToList();

    public static TheoryData<long> Sizes => new(Enumerable.Range(1, 8).Select(size => (long)size));

    [Fact]
    public void The_empty_tree_root_is_the_SHA256_of_nothing()
    {
        Assert.Equal(Rfc6962Vectors.Root(0), MerkleHash.Empty);
        Assert.Equal(SHA256.HashData(Array.Empty<byte>()), MerkleHash.Empty);
        Assert.Equal(MerkleHash.Empty, MerkleTree.Root(0, new Dictionary<NodeKey, byte[]>()));
        Assert.Empty(MerkleTree.NodesForRoot(0));
    }

    [Fact]
    public void Leaf_and_node_hashes_are_the_published_ones()
    {
        var published = Rfc6962Vectors.PublishedNodes();
        for (var i = 0; i < 8; i++) Assert.Equal(published[new NodeKey(0, i)], LeafHashes[i]);
        foreach (var (key, hash) in published.Where(node => node.Key.Level > 0))
            Assert.Equal(hash, MerkleHash.Node(published[new NodeKey(key.Level - 1, 2 * key.Index)], published[new NodeKey(key.Level - 1, 2 * key.Index + 1)]));
    }

    [Fact]
    public void Appending_the_published_leaves_builds_exactly_the_published_nodes()
    {
        var store = NodeStore.Of(LeafHashes);

        var published = Rfc6962Vectors.PublishedNodes();
        Assert.Equal(published.Keys.ToHashSet(), store.Nodes.Keys.ToHashSet());
        foreach (var (key, hash) in published) Assert.Equal(hash, store.Nodes[key]);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void The_root_of_every_size_read_from_the_published_nodes_is_the_published_root(long size)
    {
        var nodes = NodeStore.Pick(Rfc6962Vectors.PublishedNodes(), MerkleTree.NodesForRoot(size), size);

        Assert.Equal(Rfc6962Vectors.Root(size), MerkleTree.Root(size, nodes));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Every_inclusion_proof_of_the_tree_is_the_RFC_path_and_verifies_and_no_flipped_bit_does(long size)
    {
        for (var leaf = 0; leaf < size; leaf++)
        {
            var proof = MerkleTree.InclusionProof(leaf, size, NodeStore.Pick(Rfc6962Vectors.PublishedNodes(), MerkleTree.NodesForInclusion(leaf, size), size));

            Assert.Equal(ReferenceMerkle.Path(leaf, LeafHashes[..(int)size]), proof);
            var root = Rfc6962Vectors.Root(size);
            Assert.True(MerkleVerify.Inclusion(LeafHashes[leaf], leaf, size, proof, root), $"leaf {leaf} of {size}");
            foreach (var flipped in Bits.EveryOneBitFlip(proof))
                Assert.False(MerkleVerify.Inclusion(LeafHashes[leaf], leaf, size, flipped, root));
            for (var bit = 0; bit < 256; bit++)
            {
                Assert.False(MerkleVerify.Inclusion(Bits.Flip(LeafHashes[leaf], bit), leaf, size, proof, root));
                Assert.False(MerkleVerify.Inclusion(LeafHashes[leaf], leaf, size, proof, Bits.Flip(root, bit)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Every_consistency_proof_into_the_tree_is_the_RFC_proof_and_verifies_and_no_flipped_bit_does(long toSize)
    {
        for (var fromSize = 1; fromSize <= toSize; fromSize++)
        {
            var nodes = NodeStore.Pick(Rfc6962Vectors.PublishedNodes(), MerkleTree.NodesForConsistency(fromSize, toSize), toSize);
            var proof = MerkleTree.ConsistencyProof(fromSize, toSize, nodes);

            Assert.Equal(ReferenceMerkle.Proof(fromSize, LeafHashes[..(int)toSize]), proof);
            var (fromRoot, toRoot) = (Rfc6962Vectors.Root(fromSize), Rfc6962Vectors.Root(toSize));
            Assert.True(MerkleVerify.Consistency(fromSize, toSize, fromRoot, toRoot, proof), $"{fromSize} to {toSize}");
            foreach (var flipped in Bits.EveryOneBitFlip(proof))
                Assert.False(MerkleVerify.Consistency(fromSize, toSize, fromRoot, toRoot, flipped));
            for (var bit = 0; bit < 256; bit++)
            {
                Assert.False(MerkleVerify.Consistency(fromSize, toSize, Bits.Flip(fromRoot, bit), toRoot, proof));
                Assert.False(MerkleVerify.Consistency(fromSize, toSize, fromRoot, Bits.Flip(toRoot, bit), proof));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Rfc6962Vectors.GoldenInclusionProofs), MemberType = typeof(Rfc6962Vectors))]
    public void The_golden_inclusion_proofs_are_ours_byte_for_byte(long leaf, long size, string[] expected)
    {
        var store = NodeStore.Of(LeafHashes[..(int)size]).Nodes;

        var proof = MerkleTree.InclusionProof(leaf, size, store);

        Assert.Equal(expected, proof.Select(Convert.ToHexStringLower));
        Assert.True(MerkleVerify.Inclusion(LeafHashes[(int)leaf], leaf, size, proof, Rfc6962Vectors.Root(size)));
    }

    [Theory]
    [MemberData(nameof(Rfc6962Vectors.GoldenConsistencyProofs), MemberType = typeof(Rfc6962Vectors))]
    public void The_golden_consistency_proofs_are_ours_byte_for_byte(long fromSize, long toSize, string[] expected)
    {
        var store = NodeStore.Of(LeafHashes[..(int)toSize]).Nodes;

        var proof = MerkleTree.ConsistencyProof(fromSize, toSize, store);

        Assert.Equal(expected, proof.Select(Convert.ToHexStringLower));
        Assert.True(MerkleVerify.Consistency(fromSize, toSize, Rfc6962Vectors.Root(fromSize), Rfc6962Vectors.Root(toSize), proof));
    }
}
