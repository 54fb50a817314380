using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PolicyEngage.ServiceDefaults.Errors;

/// <summary>
/// Turns what escapes an endpoint into problem details: unreadable bodies name the field, state conflicts
/// are 409, and nothing of an exception's text leaves the process outside Development.
/// </summary>
internal sealed partial class ProblemExceptionHandler(
    IProblemDetailsService problemDetails,
    IHostEnvironment environment,
    ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => Unreadable(json),
            BadHttpRequestException bad when UnboundParameter().Match(bad.Message) is { Success: true } unbound =>
                Unbound(unbound.Groups["name"].Value, unbound.Groups["type"].Value),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = TitleOf(bad.StatusCode), Detail = SafeDetailOf(bad) },
            StateConflictException conflict => new ProblemDetails { Status = 409, Title = "Conflict", Detail = conflict.Message },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = 409,
                Title = "Conflict",
                Detail = "The resource was changed by another request at the same time; fetch it again and retry.",
            },
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = new ProblemDetails
            {
                Status = 500,
                Title = "Unexpected error",
                Detail = environment.IsDevelopment() ? exception.ToString() : "The error was logged; quote the trace id.",
            };
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails Unreadable(JsonException json)
    {
        var field = FieldOf(json.Path);
        var error = field == "$" ? "The request body is not valid JSON." : $"'{field}' is missing, malformed or of the wrong type.";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [error] })
        {
            Status = 400,
            Title = "The request body could not be read",
            Detail = error,
        };
    }

    /// <summary>A route or query value of the wrong shape: an id that is not a GUID, a limit that is not one whole number.</summary>
    private static ProblemDetails Unbound(string field, string type)
    {
        var error = type switch
        {
            _ when type.Contains("Guid", StringComparison.Ordinal) => $"'{field}' is malformed (ids are GUIDs).",
            _ when type.Contains("int", StringComparison.OrdinalIgnoreCase) || type.Contains("long", StringComparison.OrdinalIgnoreCase) =>
                $"'{field}' must be one whole number.",
            _ => $"'{field}' is malformed.",
        };
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [error] })
        {
            Status = 400,
            Title = "The request is not valid",
            Detail = error,
        };
    }

    /// <summary>"$.positions[0].title" becomes "positions[0].title"; no path means the body itself.</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static string SafeDetailOf(BadHttpRequestException bad) => bad.StatusCode switch
    {
        415 => "The request body must be JSON (Content-Type: application/json).",
        413 => "The request body is too large.",
        _ when bad.Message.StartsWith("Required parameter", StringComparison.Ordinal) => "The request body is missing.",
        _ => "The request could not be read.",
    };

    private static string TitleOf(int status) => status switch
    {
        413 => "Payload too large",
        415 => "Unsupported media type",
        _ => "Bad request",
    };

    /// <summary>Minimal APIs word a failed route or query binding as: Failed to bind parameter "Guid id" from "abc".</summary>
    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^ "]+) (?<name>[^"]+)" from""")]
    private static partial Regex UnboundParameter();
}
