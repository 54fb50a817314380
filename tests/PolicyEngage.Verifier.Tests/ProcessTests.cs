using System.Diagnostics;

namespace PolicyEngage.Verifier.Tests;

/// <summary>The tool as a user runs it: its own process, through the dotnet host, with nothing but files and arguments.</summary>
public sealed class ProcessTests : IDisposable
{
    private static readonly SyntheticLedger Ledger = new(30);

    private readonly Workspace _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void The_tool_run_as_a_process_exits_0_on_a_genuine_export_and_1_naming_the_line_on_a_tampered_one()
    {
        var export = _files.Write("export.ndjson", Ledger.ExportLines(30));

        var genuine = RunTool(export, "--key", Ledger.VerifierKey);
        Assert.Equal("", genuine.Stderr);
        Assert.Equal(0, genuine.ExitCode);
        Assert.StartsWith("verified: 30 entries", genuine.Stdout);

        Workspace.ChangeLine(export, 8, line => Workspace.ChangeCharAt(line, line.IndexOf("\"proof\":[\"", StringComparison.Ordinal) + 20));
        var tampered = RunTool(export, "--key", Ledger.VerifierKey);
        Assert.Equal(1, tampered.ExitCode);
        Assert.StartsWith("line 8: entry 7: ", tampered.Stderr);

        Assert.Equal(2, RunTool(export).ExitCode);
    }

    private static Verify.Outcome RunTool(params string[] args)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "PolicyEngage.Verifier.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(tool);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "the verifier did not finish within a minute");
        return new Verify.Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }
}
