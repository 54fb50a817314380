using System.Runtime.InteropServices;

namespace PolicyEngage.Testing;

/// <summary>Signals to a process by id, as an operator's <c>kill</c> or an orchestrator sends them.</summary>
public static class UnixSignal
{
    public const int Kill = 9;
    public const int Term = 15;

    /// <summary>Sends <paramref name="signal"/>; false when there is no such process (any more).</summary>
    public static bool Send(int processId, int signal) => SendSignal(processId, signal) == 0;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
