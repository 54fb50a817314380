using System.ComponentModel.DataAnnotations;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.RegulatorLiaison.Regulators;

/// <param name="ContactEmail">Optional: one plain address, told of each digest delivered to the regulator.</param>
public sealed record RegisterRegulatorRequest(
    [property: MaxLength(InputBounds.Name)] string? Name,
    [property: MaxLength(InputBounds.Name)] string? Jurisdiction,
    [property: MaxLength(InputBounds.EmailAddress), EmailAddress] string? ContactEmail = null) : IValidatedRequest
{
    public void Validate(RequestValidation validation) => validation
        .Text("name", Name, InputBounds.Name)
        .Text("jurisdiction", Jurisdiction, InputBounds.Name)
        .EmailAddress("contactEmail", ContactEmail);
}
