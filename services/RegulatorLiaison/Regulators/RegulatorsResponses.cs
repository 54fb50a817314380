using System.Linq.Expressions;

namespace PolicyEngage.RegulatorLiaison.Regulators;

public sealed record RegulatorResponse(Guid Id, string Name, string Jurisdiction)
{
    /// <summary>The response's columns, so that a list reads only those; <see cref="Of"/> is the same mapping.</summary>
    public static readonly Expression<Func<Regulator, RegulatorResponse>> Projection = r => new RegulatorResponse(r.Id, r.Name, r.Jurisdiction);

    private static readonly Func<Regulator, RegulatorResponse> FromRegulator = Projection.Compile();

    public static RegulatorResponse Of(Regulator regulator) => FromRegulator(regulator);
}
