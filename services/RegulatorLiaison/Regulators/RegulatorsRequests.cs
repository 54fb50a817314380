using System.ComponentModel.DataAnnotations;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.RegulatorLiaison.Regulators;

public sealed record RegisterRegulatorRequest([property: MaxLength(InputBounds.Name)] string? Name, [property: MaxLength(InputBounds.Name)] string? Jurisdiction) : IValidatedRequest
{
    public void Validate(RequestValidation validation) => validation
        .Text("name", Name, InputBounds.Name)
        .Text("jurisdiction", Jurisdiction, InputBounds.Name);
}
