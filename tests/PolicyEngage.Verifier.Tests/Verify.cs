namespace PolicyEngage.Verifier.Tests;

/// <summary>Runs the verifier in-process, as the tool's Main does, capturing what it prints.</summary>
public static class Verify
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    public static Outcome Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exitCode = VerifierCommand.Run(args, stdout, stderr);
        return new Outcome(exitCode, stdout.ToString(), stderr.ToString());
    }
}
