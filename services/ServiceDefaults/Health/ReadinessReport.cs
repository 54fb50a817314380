using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PolicyEngage.ServiceDefaults.Health;

/// <summary>
/// The readiness body an operator reads: the overall status, and each check's status and description (a parked outbox
/// row, events waiting for their cause, a digest stuck in delivery), as <c>application/json</c>.
/// </summary>
internal static class ReadinessReport
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
