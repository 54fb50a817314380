using System.Diagnostics;
using PolicyEngage.Testing;

namespace PolicyEngage.EndToEnd.Tests.OpenApi;

/// <summary>What a tool printed, and how it ended.</summary>
public sealed record ToolRun(string Command, int ExitCode, string Output)
{
    public override string ToString() => $"$ {Command}\n(exit code {ExitCode})\n{Output}";
}

/// <summary>
/// The npm tools pinned in tests/openapi (Spectral, openapi-typescript, tsc), run from its node_modules, which
/// test.sh installs with <c>npm ci</c>.
/// </summary>
public static class OpenApiTools
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot.Path, "tests", "openapi");

    public static string Ruleset => Path.Combine(Folder, ".spectral.yaml");

    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    /// <summary>Runs a tool in <paramref name="workingDirectory"/>, so that its messages name files relative to it.</summary>
    public static Task<ToolRun> RunAsync(string tool, string workingDirectory, params string[] arguments)
    {
        var executable = Path.Combine(Folder, "node_modules", ".bin", tool);
        if (!File.Exists(executable))
            throw new InvalidOperationException(
                $"{executable} is missing: the OpenAPI tools are not installed. Run ./test.sh, or: npm ci --prefix tests/openapi --ignore-scripts");
        return RunProcessAsync(executable, workingDirectory, arguments);
    }

    private static async Task<ToolRun> RunProcessAsync(string executable, string workingDirectory, string[] arguments)
    {
        var start = new ProcessStartInfo(executable, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The tools colour their output for a terminal; a failure message wants plain text.
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(executable)} did not finish within {Bound}.");
        }
        var command = string.Join(' ', [Path.GetFileName(executable), .. arguments]);
        return new ToolRun(command, process.ExitCode, (await output + await errors).Trim());
    }
}
