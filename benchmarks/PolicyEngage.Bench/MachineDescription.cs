using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using PolicyEngage.Testing;

namespace PolicyEngage.Bench;

/// <summary>The machine a run measured, as the report names it: a figure means little without it.</summary>
internal sealed record MachineDescription(string Cpu, int Cores, string Memory, string OperatingSystem, string Runtime, string Commit)
{
    public static MachineDescription OfThisMachine() => new(
        FirstValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        FirstValue("/proc/meminfo", "MemTotal") is { } total ? MemoryOf(total) : "unknown",
        FirstValue("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        CommitOfRepository());

    /// <summary>The 1, 5 and 15 minute load averages: the machine is shared, and a loaded one measures less.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public string Line() => $"{Cpu}, {Cores} cores, {Memory} of memory; {OperatingSystem}; {Runtime}; commit {Commit}";

    private static string? FirstValue(string file, string key, char separator = ':')
    {
        if (!File.Exists(file)) return null;
        return File.ReadLines(file)
            .Select(line => line.Split(separator, 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim() == key)
            .Select(parts => parts[1].Trim())
            .FirstOrDefault();
    }

    /// <summary>"24554712 kB" → "23.4 GB".</summary>
    private static string MemoryOf(string meminfoTotal) =>
        string.Create(CultureInfo.InvariantCulture, $"{long.Parse(meminfoTotal.Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0 / 1024.0:F1} GB");

    /// <summary>
    /// The commit measured, and whether the work tree held changes not in it; the report itself is left out, since the
    /// run before this one may have rewritten it.
    /// </summary>
    private static string CommitOfRepository()
    {
        var commit = Git("rev-parse", "--short", "HEAD");
        if (commit is null) return "unknown";
        var changes = Git("status", "--porcelain", "--", ".", ":(exclude)docs/performance.md");
        return string.IsNullOrWhiteSpace(changes) ? commit : $"{commit} with uncommitted changes";
    }

    private static string? Git(params string[] arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = RepositoryRoot.Path,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on this machine
        }
    }
}
