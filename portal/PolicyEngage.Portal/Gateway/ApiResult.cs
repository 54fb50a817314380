using System.Diagnostics.CodeAnalysis;

namespace PolicyEngage.Portal.Gateway;

/// <summary>What the API answered: a value, or the problem it refused with.</summary>
public sealed class ApiResult<T>
{
    private ApiResult(T? value, ApiProblem? problem, string? etag)
    {
        Value = value;
        Problem = problem;
        ETag = etag;
    }

    public T? Value { get; }
    public ApiProblem? Problem { get; }

    /// <summary>The resource's version, for <c>If-Match</c> on the next change.</summary>
    public string? ETag { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Problem is null;

    public static ApiResult<T> Success(T value, string? etag = null) => new(value, null, etag);
    public static ApiResult<T> Refused(ApiProblem problem) => new(default, problem, null);
}

/// <summary>One page of a list and the cursor of the next, when the API says more remain.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, string? NextAfter);
