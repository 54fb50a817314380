namespace PolicyEngage.RegulatorLiaison.Digests.Groups;

/// <summary>Union-find over 0..count−1, joining like sets transitively into groups.</summary>
internal sealed class DisjointSets
{
    private readonly int[] _parent;

    public DisjointSets(int count)
    {
        _parent = new int[count];
        for (var i = 0; i < count; i++) _parent[i] = i;
    }

    public int Find(int element)
    {
        while (_parent[element] != element)
        {
            _parent[element] = _parent[_parent[element]];
            element = _parent[element];
        }
        return element;
    }

    public void Union(int first, int second)
    {
        var (a, b) = (Find(first), Find(second));
        _parent[Math.Max(a, b)] = Math.Min(a, b);
    }
}
