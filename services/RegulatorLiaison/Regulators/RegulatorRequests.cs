using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.RegulatorLiaison.Regulators;

public sealed record RegisterRegulatorRequest(string? Name, string? Jurisdiction) : IValidatedRequest
{
    public void Validate(RequestValidation validation) => validation
        .Text("name", Name, Regulator.NameLength)
        .Text("jurisdiction", Jurisdiction, Regulator.JurisdictionLength);
}

public sealed record RegulatorResponse(Guid Id, string Name, string Jurisdiction)
{
    public static RegulatorResponse Of(Regulator regulator) => new(regulator.Id, regulator.Name, regulator.Jurisdiction);
}
