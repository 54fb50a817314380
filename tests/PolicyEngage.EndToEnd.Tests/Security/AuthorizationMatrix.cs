using PolicyEngage.Testing;

namespace PolicyEngage.EndToEnd.Tests.Security;

/// <summary>Who calls: anonymous, each role, and the right role of another organisation or regulator.</summary>
public enum Who
{
    Anonymous,
    Author,
    OtherAuthor,
    Reviewer,
    SameOrgReviewer,
    Liaison,
    Regulator,
    OtherRegulator,
    Auditor,
}

/// <summary>
/// One route and the status each caller gets. Placeholders in braces name the scenario's resources. A row that
/// <c>ChangesState</c> for the caller it admits (rotating a secret, deleting an endpoint) is left out of the fuzz, whose
/// rule is that nothing changes.
/// </summary>
public sealed record MatrixRow(string Method, string Path, string Resource, object? Body, IReadOnlyDictionary<Who, int> Expected, bool ChangesState = false);

/// <summary>
/// Every route of the SPEC × every kind of caller, with the status expected through the gateway. Calls that would
/// change state are aimed where the change is refused after authorization (a closed consultation, a delivered
/// paper, a decided case, an invalid body), so the matrix proves who gets past the gate without moving the scenario.
/// docs/security.md is generated from this table and checked against it.
/// </summary>
public static class AuthorizationMatrix
{
    private const int Ok = 200, Created = 201, Accepted = 202, NoContent = 204, Invalid = 400, Anonymous = 401, Forbidden = 403, Missing = 404, Conflict = 409;

    public static readonly IReadOnlyList<MatrixRow> Rows =
    [
        Row("GET", "/api/papers", "papers of the caller's view", null, author: Ok, otherAuthor: Ok, reviewer: Ok, sameOrgReviewer: Ok, liaison: Ok, auditor: Ok),
        Row("GET", "/api/papers/{paper}", "a submitted acme paper", null, author: Ok, otherAuthor: Missing, reviewer: Ok, sameOrgReviewer: Ok, liaison: Ok, auditor: Ok),
        Row("GET", "/api/papers/{draft}", "an acme draft never submitted", null, author: Ok, otherAuthor: Missing, reviewer: Missing, sameOrgReviewer: Missing, liaison: Missing, auditor: Missing),
        Row("POST", "/api/papers", "a paper for a closed consultation", new { consultationId = "{closedConsultation}", title = "T", summary = "S", body = "B" },
            author: Conflict, otherAuthor: Conflict),
        Row("GET", "/api/papers/{paper}/versions", "a submitted acme paper's versions", null, author: Ok, otherAuthor: Missing, reviewer: Ok, sameOrgReviewer: Ok, liaison: Ok, auditor: Ok),
        Row("GET", "/api/papers/{draft}/versions", "an acme draft's (no) versions", null, author: Ok, otherAuthor: Missing, reviewer: Missing, sameOrgReviewer: Missing, liaison: Missing, auditor: Missing),
        Row("PUT", "/api/papers/{draft}", "the acme draft", new { title = "Edited", summary = "S", body = "B" }, author: Ok, otherAuthor: Missing),
        Row("POST", "/api/papers/{paper}/submit", "an approved paper", null, author: Conflict, otherAuthor: Missing),
        Row("POST", "/api/papers/{paper}/withdraw", "a paper already delivered", null, author: Conflict, otherAuthor: Missing),
        Row("GET", "/api/reviews?status=Open", "open review cases", null, reviewer: Ok, sameOrgReviewer: Ok, auditor: Ok),
        Row("GET", "/api/reviews/{reviewCase}", "the acme paper's case", null, reviewer: Ok, sameOrgReviewer: Ok, auditor: Ok),
        Row("POST", "/api/reviews/{reviewCase}/decisions", "a decided case", new { decision = "Approve", comment = "Again" }, reviewer: Conflict, sameOrgReviewer: Forbidden),
        Row("POST", "/api/regulators", "an invalid body", new { }, liaison: Invalid),
        Row("GET", "/api/regulators", "all regulators", null, liaison: Ok, auditor: Ok),
        Row("GET", "/api/regulators/{regulator}", "a registered regulator", null, liaison: Ok, auditor: Ok),
        Row("POST", "/api/consultations", "an invalid body", new { }, liaison: Invalid),
        Row("GET", "/api/consultations", "all consultations", null, author: Ok, otherAuthor: Ok, reviewer: Ok, sameOrgReviewer: Ok, liaison: Ok, regulator: Ok, otherRegulator: Ok, auditor: Ok),
        Row("GET", "/api/consultations/{openConsultation}", "an open consultation", null, author: Ok, otherAuthor: Ok, reviewer: Ok, sameOrgReviewer: Ok, liaison: Ok, regulator: Ok, otherRegulator: Ok, auditor: Ok),
        Row("POST", "/api/consultations/{closedConsultation}/close", "a closed consultation", null, liaison: Conflict),
        Row("GET", "/api/consultations/{closedConsultation}/positions", "its approved positions", null, liaison: Ok, auditor: Ok),
        Row("POST", "/api/consultations/{openConsultation}/digests", "an open consultation", null, liaison: Conflict),
        Row("GET", "/api/consultations/{openConsultation}/digest-preview", "what compiling would give now", null, liaison: Ok),
        Row("GET", "/api/digests/{digest}", "a digest delivered to the regulator", null, liaison: Ok, regulator: Ok, otherRegulator: Missing, auditor: Ok),
        Row("POST", "/api/digests/{digest}/deliver", "a digest already delivered", null, liaison: Accepted),
        Row("POST", "/api/digests/{digest}/acknowledge", "a wrong (well-formed) hash", new { contentHash = new string('0', 64) }, regulator: Conflict, otherRegulator: Missing),
        Row("GET", "/api/regulator/inbox", "the caller's own inbox", null, regulator: Ok, otherRegulator: Ok),
        Row("GET", "/api/digests/{digest}/pushes", "the delivered digest's pushes", null, liaison: Ok, regulator: Ok, otherRegulator: Missing, auditor: Ok),
        Row("POST", "/api/regulator/webhooks", "a URL that is not absolute", new { url = "ofcom.example/hooks" }, regulator: Invalid, otherRegulator: Invalid),
        Row("GET", "/api/regulator/webhooks", "the caller's own endpoints", null, regulator: Ok, otherRegulator: Ok),
        Row("POST", "/api/regulator/webhooks/{webhook}/rotate", "the regulator's endpoint", null, regulator: Ok, otherRegulator: Missing) with { ChangesState = true },
        Row("DELETE", "/api/regulator/webhooks/{spareWebhook}", "the regulator's spare endpoint", null, regulator: NoContent, otherRegulator: Missing) with { ChangesState = true },
        Row("GET", "/api/audit/consultations/{closedConsultation}/timeline", "a consultation's history", null, auditor: Ok),
        Row("GET", "/api/audit/papers/{paper}/timeline", "a paper's history", null, auditor: Ok),
        Row("GET", "/api/audit/verify", "the whole chain", null, auditor: Ok),
        Row("GET", "/api/audit/checkpoint", "the latest signed checkpoint", null, author: Ok, otherAuthor: Ok, reviewer: Ok, sameOrgReviewer: Ok, liaison: Ok, regulator: Ok, otherRegulator: Ok, auditor: Ok),
        Row("GET", "/api/audit/key", "the checkpoints' verifier key", null, author: Ok, otherAuthor: Ok, reviewer: Ok, sameOrgReviewer: Ok, liaison: Ok, regulator: Ok, otherRegulator: Ok, auditor: Ok),
        Row("GET", "/api/audit/entries/1", "the ledger's first entry", null, auditor: Ok),
        Row("GET", "/api/audit/entries/1/proof", "its inclusion in the latest checkpoint", null, auditor: Ok),
        Row("GET", "/api/audit/consistency?from=2&to=1", "a consistency proof backwards", null, auditor: Invalid),
        Row("GET", "/api/audit/export?paperId={paper}", "a paper's entries with their proofs", null, auditor: Ok),
        Row("GET", "/api/audit/actors/matrix-acme/timeline", "what the acme author did", null, auditor: Ok),
    ];

    public static int CellCount => Rows.Sum(r => r.Expected.Count);

    /// <summary>The rows whose admitted calls change nothing, for the fuzz.</summary>
    public static IReadOnlyList<MatrixRow> Unchanging { get; } = Rows.Where(r => !r.ChangesState).ToList();

    /// <summary>Anonymous callers are refused (401) everywhere; a role not named for a route is refused (403).</summary>
    private static MatrixRow Row(
        string method, string path, string resource, object? body,
        int author = Forbidden, int otherAuthor = Forbidden, int reviewer = Forbidden, int sameOrgReviewer = Forbidden,
        int liaison = Forbidden, int regulator = Forbidden, int otherRegulator = Forbidden, int auditor = Forbidden) =>
        new(method, path, resource, body, new Dictionary<Who, int>
        {
            [Who.Anonymous] = Anonymous,
            [Who.Author] = author,
            [Who.OtherAuthor] = otherAuthor,
            [Who.Reviewer] = reviewer,
            [Who.SameOrgReviewer] = sameOrgReviewer,
            [Who.Liaison] = liaison,
            [Who.Regulator] = regulator,
            [Who.OtherRegulator] = otherRegulator,
            [Who.Auditor] = auditor,
        });
}
