using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.Gateway.Tests.Support;

/// <summary>Every /api route of the SPEC with its service and the roles it admits, written out independently of appsettings.json.</summary>
public static class SpecRoutes
{
    public sealed record Route(string Method, string Path, string Cluster, IReadOnlyList<string> Roles);

    private const string Id = "0197a3c2-0000-7000-8000-000000000001";
    private static readonly string[] AnySignedIn = [.. Roles.All];

    public static readonly IReadOnlyList<Route> All =
    [
        new("GET", $"/api/papers?consultationId={Id}", "submissions", [Roles.PolicyAuthor, Roles.Reviewer, Roles.LiaisonOfficer, Roles.Auditor]),
        new("GET", $"/api/papers/{Id}", "submissions", [Roles.PolicyAuthor, Roles.Reviewer, Roles.LiaisonOfficer, Roles.Auditor]),
        new("POST", "/api/papers", "submissions", [Roles.PolicyAuthor]),
        new("PUT", $"/api/papers/{Id}", "submissions", [Roles.PolicyAuthor]),
        new("POST", $"/api/papers/{Id}/submit", "submissions", [Roles.PolicyAuthor]),
        new("POST", $"/api/papers/{Id}/withdraw", "submissions", [Roles.PolicyAuthor]),

        new("GET", "/api/reviews?status=Open", "reviews", [Roles.Reviewer, Roles.Auditor]),
        new("GET", $"/api/reviews/{Id}", "reviews", [Roles.Reviewer, Roles.Auditor]),
        new("POST", $"/api/reviews/{Id}/decisions", "reviews", [Roles.Reviewer]),

        new("POST", "/api/regulators", "regulatorliaison", [Roles.LiaisonOfficer]),
        new("GET", "/api/regulators", "regulatorliaison", [Roles.LiaisonOfficer, Roles.Auditor]),
        new("GET", $"/api/regulators/{Id}", "regulatorliaison", [Roles.LiaisonOfficer, Roles.Auditor]),
        new("POST", "/api/consultations", "regulatorliaison", [Roles.LiaisonOfficer]),
        new("GET", "/api/consultations", "regulatorliaison", AnySignedIn),
        new("GET", $"/api/consultations/{Id}", "regulatorliaison", AnySignedIn),
        new("POST", $"/api/consultations/{Id}/close", "regulatorliaison", [Roles.LiaisonOfficer]),
        new("GET", $"/api/consultations/{Id}/positions", "regulatorliaison", [Roles.LiaisonOfficer, Roles.Auditor]),
        new("POST", $"/api/consultations/{Id}/digests", "regulatorliaison", [Roles.LiaisonOfficer]),
        new("GET", $"/api/digests/{Id}", "regulatorliaison", [Roles.LiaisonOfficer, Roles.Auditor, Roles.Regulator]),
        new("POST", $"/api/digests/{Id}/deliver", "regulatorliaison", [Roles.LiaisonOfficer]),
        new("POST", $"/api/digests/{Id}/acknowledge", "regulatorliaison", [Roles.Regulator]),
        new("GET", "/api/regulator/inbox", "regulatorliaison", [Roles.Regulator]),

        new("GET", $"/api/audit/consultations/{Id}/timeline", "audit", [Roles.Auditor]),
        new("GET", $"/api/audit/papers/{Id}/timeline", "audit", [Roles.Auditor]),
        new("GET", "/api/audit/verify", "audit", [Roles.Auditor]),
    ];

    public static TheoryData<string, string> Routes() => Data(All.Select(route => (route.Method, route.Path)));

    public static TheoryData<string, string, string, string> Admitted() => Data(
        All.SelectMany(route => route.Roles.Select(role => (route.Method, route.Path, route.Cluster, role))));

    public static TheoryData<string, string, string> Refused() => Data(
        All.SelectMany(route => Roles.All.Except(route.Roles).Select(role => (route.Method, route.Path, role))));

    private static TheoryData<string, string> Data(IEnumerable<(string, string)> rows)
    {
        var data = new TheoryData<string, string>();
        foreach (var (a, b) in rows) data.Add(a, b);
        return data;
    }

    private static TheoryData<string, string, string> Data(IEnumerable<(string, string, string)> rows)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (a, b, c) in rows) data.Add(a, b, c);
        return data;
    }

    private static TheoryData<string, string, string, string> Data(IEnumerable<(string, string, string, string)> rows)
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var (a, b, c, d) in rows) data.Add(a, b, c, d);
        return data;
    }
}
