namespace PolicyEngage.ServiceDefaults.Messaging.FaultInjection;

/// <summary>
/// Configuration section <c>FaultInjection</c>: failpoints the fault suite sets on a process it starts, so that a
/// crash or a stop lands exactly where it must be survived. A process in Production refuses to start with any of them.
/// </summary>
public sealed class FaultInjectionOptions
{
    public const string Section = "FaultInjection";

    /// <summary>Kill the process (SIGKILL) once this many messages were consumed: after the last one's effect committed, before its acknowledgement.</summary>
    public int? KillAfterConsuming { get; set; }

    /// <summary>Kill the process (SIGKILL) once this many webhook pushes were answered by their receivers, before the answer is recorded.</summary>
    public int? KillAfterPushAttempts { get; set; }

    /// <summary>Kill the process (SIGKILL) once the mail server has accepted this many mails, before the last is marked sent.</summary>
    public int? KillAfterMailAnswered { get; set; }

    /// <summary>Hold every message this long before its consumer runs, so that a stop always finds work in flight.</summary>
    public TimeSpan? ConsumeDelay { get; set; }
}
