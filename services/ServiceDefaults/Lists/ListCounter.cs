namespace PolicyEngage.ServiceDefaults.Lists;

/// <summary>The last position given in one list: a row per list, seeded by the migration that adds the list.</summary>
public sealed class ListCounter
{
    private ListCounter() { }

    public string Name { get; private set; } = "";
    public long Last { get; private set; }
}
