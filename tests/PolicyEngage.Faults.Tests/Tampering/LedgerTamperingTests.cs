using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
using PolicyEngage.Faults.Tests.Support;
using PolicyEngage.Testing;
using Xunit.Abstractions;

namespace PolicyEngage.Faults.Tests.Tampering;

/// <summary>
/// Someone with write access to Audit's database file edits one ledger row while the system runs. The full verify names
/// the row's sequence, and the offline verifier, run as its own process on a fresh export, refuses the export and names
/// the line; the export taken before the edit still verifies.
/// </summary>
public sealed class LedgerTamperingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string RegulatorName = "Tampering regulator";

    private readonly RunningSystem _system = new();
    private readonly TempDirectory _files = new();

    public Task InitializeAsync() => _system.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _system.DisposeAsync();
        _files.Dispose();
    }

    [Fact]
    public async Task A_row_edited_in_the_running_ledgers_database_is_named_by_the_full_verify_and_fails_the_offline_verifier()
    {
        var client = _system.Client();
        var liaison = await client.SignInAsync("tampering-liaison", "LiaisonOfficer");
        var author = await client.SignInAsync("tampering-author", "PolicyAuthor", org: "Tampering Org");
        var auditor = await client.SignInAsync("tampering-auditor", "Auditor");
        var consultationId = await FlowSteps.OpenConsultationAsync(liaison, await FlowSteps.RegisterRegulatorAsync(liaison, RegulatorName), "TAMPER-1");
        await ConsultationSteps.SubmitPaperAsync(author, consultationId, "A paper to be kept honest");
        var key = (await auditor.GetAsync("/api/audit/key")).Expect(HttpStatusCode.OK).Json["verifierKey"]!.GetValue<string>();

        var before = await ExportOnceSignedAsync(auditor, entries: 3);
        Assert.Equal(0, RunVerifier(before, key).ExitCode);

        var sequence = RegisteredSequence();
        var edited = Execute($"UPDATE LedgerEntries SET Data = replace(Data, '{RegulatorName}', 'Forged regulator') WHERE Sequence = {sequence}");
        Assert.Equal(1, edited);

        var verification = (await auditor.GetAsync("/api/audit/verify?full=true")).Expect(HttpStatusCode.OK).Json;
        output.WriteLine($"verify?full=true after editing entry {sequence}: {verification.ToJsonString()}");
        Assert.False(verification["valid"]!.GetValue<bool>());
        Assert.Equal(sequence, verification["firstInvalidSequence"]!.GetValue<long>());

        var after = RunVerifier(await ExportAsync(auditor), key);
        output.WriteLine($"policyengage-verify on a fresh export: exit {after.ExitCode}, {after.Stderr.Trim()}");
        Assert.Equal(1, after.ExitCode);
        Assert.StartsWith($"line {sequence + 1}: entry {sequence}: ", after.Stderr);
        Assert.Equal(0, RunVerifier(before, key).ExitCode);
    }

    /// <summary>The first export whose checkpoint covers at least <paramref name="entries"/> entries.</summary>
    private async Task<string> ExportOnceSignedAsync(Caller auditor, int entries)
    {
        string? export = null;
        await Eventually.True(async () =>
        {
            export = await TryExportAsync(auditor);
            return export?.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > entries;
        }, $"an export of at least {entries} signed entries");
        return export!;
    }

    private async Task<string> ExportAsync(Caller auditor) =>
        await TryExportAsync(auditor) ?? throw new InvalidOperationException("The ledger has no checkpoint to export under.");

    /// <summary>The export, or null while no checkpoint is signed yet (404).</summary>
    private async Task<string?> TryExportAsync(Caller auditor)
    {
        using var http = new HttpClient { BaseAddress = _system.Gateway.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/audit/export");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", auditor.Token);
        using var response = await http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private long RegisteredSequence()
    {
        using var connection = OpenLedger();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Sequence FROM LedgerEntries WHERE EventType = 'RegulatorRegistered'";
        return (long)command.ExecuteScalar()!;
    }

    private int Execute(string sql)
    {
        using var connection = OpenLedger();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    private SqliteConnection OpenLedger()
    {
        var file = _system.DatabaseFiles.Single(f => Path.GetFileNameWithoutExtension(f) == "audit");
        var connection = new SqliteConnection($"Data Source={file};Pooling=False;Default Timeout=30");
        connection.Open();
        return connection;
    }

    /// <summary>The tool as an outsider runs it: its own process, the export and the key, no network.</summary>
    private (int ExitCode, string Stderr) RunVerifier(string export, string key)
    {
        var path = _files.File($"export-{Guid.NewGuid():N}.ndjson");
        File.WriteAllText(path, export);
        var tool = Path.Combine(RepositoryRoot.Path, "tools", "PolicyEngage.Verifier", "bin", ServiceProcess.BuildConfiguration, "net10.0", "PolicyEngage.Verifier.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { tool, path, "--key", key }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "the verifier did not finish within a minute");
        return (process.ExitCode, stderr.Result);
    }
}
