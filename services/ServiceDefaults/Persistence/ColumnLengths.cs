namespace PolicyEngage.ServiceDefaults.Persistence;

/// <summary>Column widths that are storage choices, not SPEC bounds, named because several tables share them.</summary>
public static class ColumnLengths
{
    /// <summary>An enum stored by its name: status, decision, outcome.</summary>
    public const int EnumName = 20;

    /// <summary>A caller's subject (the token's <c>sub</c>) recorded as who created, submitted, decided or acknowledged.</summary>
    public const int Subject = 200;

    /// <summary>A W3C <c>traceparent</c> (55 characters today; room for a later version's).</summary>
    public const int TraceParent = 128;
}
