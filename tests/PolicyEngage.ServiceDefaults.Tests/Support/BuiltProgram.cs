using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using PolicyEngage.Testing;

namespace PolicyEngage.ServiceDefaults.Tests.Support;

/// <summary>
/// A service or the gateway run as a real process from its build output (<c>dotnet PolicyEngage.X.dll</c>), its
/// stdout and stderr collected, killed on dispose if it is still running.
/// </summary>
internal sealed partial class BuiltProgram : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private BuiltProgram(Process process)
    {
        _process = process;
    }

    public string Output => string.Join('\n', _output);

    /// <summary>Starts the program with only the settings given here; Auth settings of the machine's environment are dropped.</summary>
    public static BuiltProgram Start(string program, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var dll = DllOf(program);
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build the solution first: {dll} is missing.", dll);

        var start = new ProcessStartInfo(DotnetHost, [dll])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var inherited in start.Environment.Keys.Where(IsInheritedSetting).ToList()) start.Environment.Remove(inherited);
        foreach (var (name, value) in environment) start.Environment[name] = value;

        var process = new Process { StartInfo = start };
        var started = new BuiltProgram(process);
        process.OutputDataReceived += (_, line) => started.Collect(line.Data);
        process.ErrorDataReceived += (_, line) => started.Collect(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>The exit code once the process has exited (all its output read), or null if it still runs after <paramref name="bound"/>.</summary>
    public async Task<int?> ExitCodeWithinAsync(TimeSpan bound)
    {
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>The address Kestrel reports it listens on (the program was told port 0).</summary>
    public async Task<Uri> ListeningAddressWithinAsync(TimeSpan bound)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < bound)
        {
            var listening = _output.Select(line => ListeningLine().Match(line)).FirstOrDefault(match => match.Success);
            if (listening is not null) return new Uri(listening.Groups["address"].Value);
            if (_process.HasExited) throw new InvalidOperationException($"The program exited with {_process.ExitCode}:\n{Output}");
            await Task.Delay(100);
        }
        throw new TimeoutException($"The program did not listen within {bound}:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is not null) _output.Enqueue(line);
    }

    private static string DllOf(string program)
    {
        var projectDirectory = program == "Gateway"
            ? Path.Combine(RepositoryRoot.Path, "gateway", "PolicyEngage.Gateway")
            : Path.Combine(RepositoryRoot.Path, "services", program);
        return Path.Combine(projectDirectory, "bin", BuildConfiguration, "net10.0", $"PolicyEngage.{program}.dll");
    }

    /// <summary>Debug or Release: whatever this test assembly was built as, the programs were too.</summary>
    private static string BuildConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    private static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static bool IsInheritedSetting(string name) =>
        name.StartsWith("Auth__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || name.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)
        || name.Equals("DOTNET_URLS", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"Now listening on: (?<address>http://\S+)")]
    private static partial Regex ListeningLine();
}
