namespace PolicyEngage.ServiceDefaults.Auth;

public static class Roles
{
    public const string PolicyAuthor = nameof(PolicyAuthor);
    public const string Reviewer = nameof(Reviewer);
    public const string LiaisonOfficer = nameof(LiaisonOfficer);
    public const string Regulator = nameof(Regulator);
    public const string Auditor = nameof(Auditor);

    public static readonly IReadOnlyList<string> All = [PolicyAuthor, Reviewer, LiaisonOfficer, Regulator, Auditor];

    /// <summary>The scope claim a role's token must carry, if any.</summary>
    public static string? ScopeClaimOf(string role) => role switch
    {
        PolicyAuthor or Reviewer => PolicyEngageClaims.Organisation,
        Regulator => PolicyEngageClaims.Regulator,
        _ => null,
    };
}

public static class PolicyEngageClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Organisation = "org";
    public const string Regulator = "regulator";

    /// <summary>Where the caller is told of what becomes of their work; never written to an event.</summary>
    public const string Email = "email";
}
