using Microsoft.AspNetCore.Authorization;

namespace PolicyEngage.ServiceDefaults.Auth;

/// <summary>
/// The one role vocabulary: each named policy admits a signed-in caller holding one of its roles. The gateway's routes
/// (appsettings.json, <c>AuthorizationPolicy</c>) and the services' endpoints name the same policies, and a test per
/// service compares the two, so the gateway's gate and the service's own can never drift apart.
/// </summary>
public static class Policies
{
    public const string SignedIn = nameof(SignedIn);
    public const string PolicyAuthors = nameof(PolicyAuthors);
    public const string PaperReaders = nameof(PaperReaders);
    public const string Reviewers = nameof(Reviewers);
    public const string ReviewReaders = nameof(ReviewReaders);
    public const string LiaisonOfficers = nameof(LiaisonOfficers);
    public const string LiaisonReaders = nameof(LiaisonReaders);
    public const string DigestReaders = nameof(DigestReaders);
    public const string Regulators = nameof(Regulators);
    public const string Auditors = nameof(Auditors);

    /// <summary>The roles each policy admits.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> RolesOf = new Dictionary<string, IReadOnlyList<string>>
    {
        [SignedIn] = Roles.All,
        [PolicyAuthors] = [Roles.PolicyAuthor],
        [PaperReaders] = [Roles.PolicyAuthor, Roles.Reviewer, Roles.LiaisonOfficer, Roles.Auditor],
        [Reviewers] = [Roles.Reviewer],
        [ReviewReaders] = [Roles.Reviewer, Roles.Auditor],
        [LiaisonOfficers] = [Roles.LiaisonOfficer],
        [LiaisonReaders] = [Roles.LiaisonOfficer, Roles.Auditor],
        [DigestReaders] = [Roles.LiaisonOfficer, Roles.Auditor, Roles.Regulator],
        [Regulators] = [Roles.Regulator],
        [Auditors] = [Roles.Auditor],
    };

    public static void AddTo(AuthorizationOptions options)
    {
        foreach (var (name, roles) in RolesOf)
            options.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireRole(roles));
    }
}
