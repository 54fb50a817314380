using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Validation;

namespace PolicyEngage.Gateway.DevTokens;

/// <summary>
/// Who the token speaks for. Only the scope claim the role needs is used; the other is ignored. <see cref="Email"/>, when
/// given, becomes the <c>email</c> claim, whatever the role: where that user is told of what becomes of their work.
/// </summary>
public sealed record DevTokenRequest(string? Subject, string? Role, string? Org, string? Regulator, string? Email = null) : IValidatedRequest
{
    public const int MaxNameLength = 100;

    public void Validate(RequestValidation validation)
    {
        validation.Text("subject", Subject, MaxNameLength);
        validation.EmailAddress("email", Email);
        if (Role is null || !Roles.All.Contains(Role))
        {
            validation.Add("role", $"'role' must be one of: {string.Join(", ", Roles.All)}.");
            return;
        }
        switch (Roles.ScopeClaimOf(Role))
        {
            case PolicyEngageClaims.Organisation:
                validation.Text("org", Org, MaxNameLength);
                break;
            case PolicyEngageClaims.Regulator:
                validation.Required("regulator", RegulatorId);
                break;
        }
    }

    public Guid? RegulatorId => Guid.TryParse(Regulator, out var id) ? id : null;
}

public sealed record DevTokenResponse(string AccessToken);
