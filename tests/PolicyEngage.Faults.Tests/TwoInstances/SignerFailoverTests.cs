using System.Net;
using PolicyEngage.Faults.Tests.Load;
using PolicyEngage.Testing;
using Xunit.Abstractions;

namespace PolicyEngage.Faults.Tests.TwoInstances;

/// <summary>
/// The Audit process that holds the signer's lease is SIGKILLed with entries in the ledger it never signed. The other
/// process takes the lease once it lapses, signs them, and appends and signs what comes next.
/// </summary>
public sealed class SignerFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Signed = "Signed the ledger checkpoint";

    private readonly SignerFailoverSystem _system = new();

    public Task InitializeAsync() => _system.InitializeAsync();

    public Task DisposeAsync() => _system.DisposeAsync();

    [Fact]
    public async Task When_the_signing_Audit_is_killed_with_unsigned_entries_the_other_signs_them_and_carries_on()
    {
        var client = _system.Client();
        var liaison = await client.SignInAsync("failover-liaison", "LiaisonOfficer");
        var auditor = await client.SignInAsync("failover-auditor", "Auditor");
        await FlowSteps.RegisterRegulatorAsync(liaison, "Failover regulator 0");
        await Eventually.True(() => SignedSize() >= 1, "the first checkpoint");
        await Eventually.True(() => _system.Instances("Audit").Any(HasSigned), "the signer's log line");
        var signer = Assert.Single(_system.Instances("Audit"), HasSigned);
        var survivor = Assert.Single(_system.Instances("Audit"), audit => audit != signer);

        // Entries recorded since the last checkpoint, caught before the signer's next round; a round that signed them
        // first in the meantime leaves nothing to fail over, so the step is tried again.
        var unsigned = 0L;
        for (var round = 1; round <= 5 && unsigned == 0; round++)
        {
            var before = LedgerSize();
            for (var i = 0; i < 3; i++) await FlowSteps.RegisterRegulatorAsync(liaison, $"Failover regulator {round}.{i}");
            await Eventually.True(() => LedgerSize() >= before + 3, "the new entries in the ledger");
            if (LedgerSize() > SignedSize()) await signer.KillAsync();
            if (signer.HasExited) unsigned = LedgerSize() - SignedSize();
        }
        Assert.True(signer.HasExited, "the signer signed every round before it could be killed");
        Assert.True(unsigned > 0, "the signer signed its last entries just before it was killed");
        var orphaned = LedgerSize();
        output.WriteLine($"killed {signer.Name} with {unsigned} of {orphaned} entries unsigned");

        await Eventually.True(() => SignedSize() == orphaned, $"{survivor.Name} signing the {orphaned} entries");
        await Eventually.True(() => survivor.LogTail(int.MaxValue).Contains($"{Signed} of size {orphaned}", StringComparison.Ordinal),
            $"{survivor.Name} logging its checkpoint of size {orphaned}");

        await FlowSteps.RegisterRegulatorAsync(liaison, "Failover regulator after");
        await Eventually.True(() => SignedSize() == orphaned + 1, $"{survivor.Name} appending and signing the next entry");
        var verification = (await auditor.EventuallyAsync(() => auditor.GetAsync("/api/audit/verify?full=true"),
            answer => answer.Status == HttpStatusCode.OK, "a verify answered by the surviving Audit")).Json;
        Assert.True(verification["valid"]!.GetValue<bool>(), verification.ToJsonString());
        Assert.Equal(orphaned + 1, verification["count"]!.GetValue<long>());
    }

    private static bool HasSigned(ServiceProcess audit) => audit.LogTail(int.MaxValue).Contains(Signed, StringComparison.Ordinal);

    private long LedgerSize() => new SystemLedger(_system.DatabaseFiles).Count("audit", "SELECT COUNT(*) FROM LedgerEntries");

    /// <summary>From the file: the gateway may route a request to the killed process.</summary>
    private long SignedSize() => new SystemLedger(_system.DatabaseFiles).Count("audit", "SELECT COALESCE(MAX(TreeSize), 0) FROM LedgerCheckpoints");
}
