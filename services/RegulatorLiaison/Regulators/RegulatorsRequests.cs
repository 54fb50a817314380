using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.RegulatorLiaison.Regulators;

public sealed record RegisterRegulatorRequest(string? Name, string? Jurisdiction) : IValidatedRequest
{
    public void Validate(RequestValidation validation) => validation
        .Text("name", Name, InputBounds.Name)
        .Text("jurisdiction", Jurisdiction, InputBounds.Name);
}
