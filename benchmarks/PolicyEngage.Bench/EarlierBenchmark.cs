using System.Diagnostics;
using PolicyEngage.Testing;

namespace PolicyEngage.Bench;

/// <summary>An earlier benchmark's own program and what it printed: its tables and notes, reprinted in the report.</summary>
internal sealed record EarlierBenchmark(string Title, string Command, IReadOnlyList<string> Output)
{
    /// <summary>
    /// Runs <c>benchmarks/{project}</c> from this same build (Release), its output echoed as it comes and kept; a
    /// benchmark that fails says so in its output, and the run goes on.
    /// </summary>
    public static async Task<EarlierBenchmark> RunAsync(string title, string project, IReadOnlyList<string> arguments)
    {
        var dll = Path.Combine(RepositoryRoot.Path, "benchmarks", project, "bin", ServiceProcess.BuildConfiguration, "net10.0", $"{project}.dll");
        var command = $"dotnet run -c Release --project benchmarks/{project} -- {string.Join(' ', arguments)}";
        Console.WriteLine($"[bench] {title}: {command}");
        var output = new List<string>();
        using var process = new Process
        {
            StartInfo = new ProcessStartInfo("dotnet", [dll, .. arguments])
            {
                WorkingDirectory = RepositoryRoot.Path,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            },
        };
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync();
        process.WaitForExit(); // returns once the last echoed line is in
        if (process.ExitCode != 0) Keep($"(exited with code {process.ExitCode})");
        return new EarlierBenchmark(title, command, output);

        void Keep(string? line)
        {
            if (line is null) return;
            Console.WriteLine($"[{project}] {line}");
            lock (output) output.Add(line);
        }
    }
}
