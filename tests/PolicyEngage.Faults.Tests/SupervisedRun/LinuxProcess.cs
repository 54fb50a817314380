namespace PolicyEngage.Faults.Tests.SupervisedRun;

/// <summary>
/// A process as Linux's /proc shows it: enough to find what run.sh started and to tell whether that still runs.
/// The command line is part of the identity, so that a reused process id never passes for the process we saw.
/// </summary>
internal sealed record LinuxProcess(int Id, string CommandLine)
{
    public static IReadOnlyList<LinuxProcess> ChildrenOf(int parentId) =>
        Directory.EnumerateDirectories("/proc")
            .Select(folder => int.TryParse(Path.GetFileName(folder), out var id) ? id : 0)
            .Where(id => id > 0 && Status(id) is { Parent: var parent } && parent == parentId)
            .Select(id => new LinuxProcess(id, CommandLineOf(id)))
            .ToList();

    /// <summary>Alive and still this program; a zombie (dead, not yet reaped) does not count.</summary>
    public bool IsRunning() => Status(Id) is { State: not 'Z' and not 'X' } && CommandLineOf(Id) == CommandLine;

    /// <summary>State and parent from /proc/ID/stat ("ID (name) STATE PARENT ..."); null once the process is gone.</summary>
    private static (char State, int Parent)? Status(int id)
    {
        var stat = ReadOrNull($"/proc/{id}/stat");
        if (stat is null) return null;
        // The name may itself hold spaces and parentheses: the fields start after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (fields[0][0], int.Parse(fields[1]));
    }

    private static string CommandLineOf(int id) => (ReadOrNull($"/proc/{id}/cmdline") ?? "").Replace('\0', ' ').Trim();

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null; // The process ended while we looked.
        }
    }
}
