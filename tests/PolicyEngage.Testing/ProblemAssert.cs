using System.Net;
using System.Text.Json;
using Xunit;

namespace PolicyEngage.Testing;

/// <summary>What every error answer must be: RFC 7807 with the right status, and nothing of the server's insides.</summary>
public static class ProblemAssert
{
    /// <summary>Asserts the problem answer and returns its JSON.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain("   at ", text);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        return problem.RootElement.Clone();
    }

    /// <summary>A 400 (or 415) that names <paramref name="field"/> among its <c>errors</c> keys or in its detail.</summary>
    public static async Task NamesFieldAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var problem = await IsProblemAsync(response, status);
        var inErrors = problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _);
        var inDetail = problem.TryGetProperty("detail", out var detail) && detail.GetString()?.Contains(field, StringComparison.Ordinal) == true;
        Assert.True(inErrors || inDetail, $"The problem does not name '{field}': {problem}");
    }
}
