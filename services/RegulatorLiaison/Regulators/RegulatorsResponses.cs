namespace PolicyEngage.RegulatorLiaison.Regulators;

public sealed record RegulatorResponse(Guid Id, string Name, string Jurisdiction)
{
    public static RegulatorResponse Of(Regulator regulator) => new(regulator.Id, regulator.Name, regulator.Jurisdiction);
}
