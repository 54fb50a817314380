namespace PolicyEngage.Verifier.Tests;

public sealed class CommandLineTests : IDisposable
{
    private static readonly SyntheticLedger Ledger = new(3);

    private readonly Workspace _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<string[]> UsageErrors => new()
    {
        new string[] { },
        new[] { "EXPORT" },
        new[] { "EXPORT", "--key" },
        new[] { "EXPORT", "--key", "KEY", "--verbose" },
        new[] { "EXPORT", "EXPORT", "--key", "KEY" },
        new[] { "EXPORT", "--key", "KEY", "--consistency", "EXPORT" },
        new[] { "EXPORT", "--key", "KEY", "--proof", "EXPORT" },
        new[] { "EXPORT", "--key", "not-a-key" },
        new[] { "missing.ndjson", "--key", "KEY" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public void A_command_line_that_cannot_run_exits_2_with_the_usage(string[] args)
    {
        var export = _files.Write("export.ndjson", Ledger.ExportLines(3));
        var resolved = args.Select(arg => arg switch { "EXPORT" => export, "KEY" => Ledger.VerifierKey, _ => arg }).ToArray();

        var outcome = Verify.Run(resolved);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("policyengage-verify: ", outcome.Stderr);
        Assert.Contains("usage: policyengage-verify EXPORT.ndjson --key <verifierKey>", outcome.Stderr);
    }

    [Fact]
    public void Help_prints_the_usage_and_exits_0()
    {
        var outcome = Verify.Run("--help");

        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith("usage: ", outcome.Stdout);
    }
}
