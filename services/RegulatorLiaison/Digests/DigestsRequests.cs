using System.ComponentModel.DataAnnotations;
using PolicyEngage.ServiceDefaults.Hashing;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.RegulatorLiaison.Digests;

public sealed record AcknowledgeDigestRequest([property: RegularExpression(Sha256Hex.Pattern)] string? ContentHash) : IValidatedRequest
{
    public void Validate(RequestValidation validation)
    {
        if (!Sha256Hex.IsWellFormed(ContentHash))
            validation.Add("contentHash", $"'contentHash' must be a SHA-256 value: {Sha256Hex.Length} lowercase hexadecimal characters.");
    }
}
