using System.Diagnostics;
using PolicyEngage.Testing;

namespace PolicyEngage.Faults.Tests.Support;

/// <summary>deploy/local/requeue-errors.sh, run as an operator runs it, against the test broker.</summary>
internal static class RequeueErrorsCommand
{
    public static string Script { get; } = Path.Combine(RepositoryRoot.Path, "deploy", "local", "requeue-errors.sh");

    public static Task<CommandResult> RunAsync(string queue, string virtualHost, params string[] options) =>
        RunAsync([queue, "--vhost", virtualHost, "--management", $"http://127.0.0.1:{TestBroker.ManagementPort}", .. options]);

    public static async Task<CommandResult> RunAsync(string[] arguments)
    {
        var start = new ProcessStartInfo(Script, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Script}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Waiting.Bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Script} {string.Join(' ', arguments)} did not finish within {Waiting.Bound.TotalSeconds:0} s.");
        }
        return new CommandResult(process.ExitCode, await output, await error);
    }
}

internal sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit code {ExitCode}\nstdout: {Output}\nstderr: {Error}";
}
