using Microsoft.Extensions.Hosting;

namespace PolicyEngage.ServiceDefaults;

public static class ServiceIdentity
{
    /// <summary>"PolicyEngage.Submissions" → "Submissions": the name in traces, queue names and the ledger.</summary>
    public static string NameOf(IHostEnvironment environment) =>
        environment.ApplicationName.StartsWith("PolicyEngage.", StringComparison.Ordinal)
            ? environment.ApplicationName["PolicyEngage.".Length..]
            : environment.ApplicationName;
}
