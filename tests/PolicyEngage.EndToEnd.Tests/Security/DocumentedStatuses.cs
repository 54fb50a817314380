using System.Net;
using PolicyEngage.Testing;

namespace PolicyEngage.EndToEnd.Tests.Security;

/// <summary>
/// The statuses each operation's OpenAPI document says it answers, read through the gateway, so that a test can
/// hold every status it sees against the documents: a client generated from them must know every answer it meets.
/// </summary>
public sealed class DocumentedStatuses
{
    private static readonly string[] Documents = ["submissions", "reviews", "regulatorliaison", "audit"];

    private sealed record Operation(string Method, string[] Segments, HashSet<int> Statuses);

    private readonly List<Operation> _operations;

    private DocumentedStatuses(List<Operation> operations) => _operations = operations;

    public static async Task<DocumentedStatuses> FetchAsync(Caller anonymous)
    {
        var operations = new List<Operation>();
        foreach (var document in Documents)
        {
            var paths = (await anonymous.GetAsync($"/openapi/{document}.json")).Expect(HttpStatusCode.OK).Json["paths"]!.AsObject();
            foreach (var (path, methods) in paths)
            foreach (var (method, operation) in methods!.AsObject())
            {
                var statuses = operation!["responses"]!.AsObject().Select(response => int.Parse(response.Key)).ToHashSet();
                operations.Add(new Operation(method.ToUpperInvariant(), SegmentsOf(path), statuses));
            }
        }
        return new DocumentedStatuses(operations);
    }

    /// <summary>
    /// Null when the operation that <paramref name="path"/> (a template such as <c>/api/papers/{paper}</c>, or a
    /// concrete path) reaches documents <paramref name="status"/>; otherwise what is wrong, for a test's failure list.
    /// A path that reaches no operation is reported only when <paramref name="mustReachAnOperation"/>.
    /// </summary>
    public string? Undocumented(string method, string path, int status, bool mustReachAnOperation = true)
    {
        var segments = SegmentsOf(path);
        var operation = _operations
            .Where(o => o.Method == method.ToUpperInvariant() && Matches(o.Segments, segments))
            .MaxBy(o => o.Segments.Count(segment => segment != Parameter));
        if (operation is null) return mustReachAnOperation ? $"{method} {path} is in no OpenAPI document" : null;
        return operation.Statuses.Contains(status) ? null : $"{method} {path} answered {status}, which its OpenAPI operation does not document";
    }

    private const string Parameter = "{}";

    /// <summary>A document's parameter takes any one segment; a template's placeholder only a parameter.</summary>
    private static bool Matches(string[] operation, string[] request) =>
        operation.Length == request.Length && operation.Zip(request).All(pair =>
            pair.First == Parameter ? pair.Second.Length > 0 : string.Equals(pair.First, pair.Second, StringComparison.OrdinalIgnoreCase));

    private static string[] SegmentsOf(string path) =>
        path.Split('?')[0].TrimEnd('/').Split('/').Select(s => s.StartsWith('{') && s.EndsWith('}') ? Parameter : s).ToArray();
}
