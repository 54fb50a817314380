namespace PolicyEngage.RegulatorLiaison.Positions;

/// <summary>A position as listed before compiling: its identity and hash, without the body.</summary>
public sealed record PositionResponse(Guid PaperId, int Version, string ContentHash, string Organisation, string Title, string Summary)
{
    public static PositionResponse Of(Position p) => new(p.PaperId, p.Version, p.ContentHash, p.Organisation, p.Title, p.Summary);
}
