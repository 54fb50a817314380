using System.Diagnostics;
using PolicyEngage.Testing;

namespace PolicyEngage.Faults.Tests.Load;

/// <summary>
/// A running system under the load driver, signed in as its users, with consultations enough for the digests the
/// driver delivers: start it, inject a fault, then stop the load and hold the system to the exit criterion.
/// </summary>
internal sealed class FaultScenario
{
    private const int Consultations = 10;

    private readonly string _name;
    private readonly RunningSystem _system;
    private readonly CancellationTokenSource _stop = new();
    private Task _driving = Task.CompletedTask;

    private FaultScenario(string name, RunningSystem system, Caller auditor, LoadDriver load)
    {
        _name = name;
        _system = system;
        Auditor = auditor;
        Load = load;
    }

    public LoadDriver Load { get; }
    public Caller Auditor { get; }

    /// <param name="pushTo">Endpoints the regulator registers, so that every digest delivered is pushed to each.</param>
    public static async Task<FaultScenario> StartAsync(string name, RunningSystem system, IReadOnlyList<Uri>? pushTo = null)
    {
        var api = system.Client();
        var liaison = await api.SignInAsync($"{name}-liaison", "LiaisonOfficer");
        var author = await api.SignInAsync($"{name}-author", "PolicyAuthor", org: "acme");
        var reviewer = await api.SignInAsync($"{name}-reviewer", "Reviewer", org: "globex");
        var auditor = await api.SignInAsync($"{name}-auditor", "Auditor");
        var regulatorId = await FlowSteps.RegisterRegulatorAsync(liaison, $"{name} regulator");
        var regulator = await api.SignInAsync($"{name}-regulator", "Regulator", regulator: regulatorId);
        foreach (var url in pushTo ?? [])
            (await regulator.PostAsync("/api/regulator/webhooks", new { url = url.ToString() })).Expect(System.Net.HttpStatusCode.Created);
        var consultations = new List<Guid>();
        for (var i = 0; i < Consultations; i++)
        {
            var consultationId = await FlowSteps.OpenConsultationAsync(liaison, regulatorId, $"{name}-{i}-{Guid.NewGuid():N}");
            // A first draft waits until Submissions knows the consultation, so that the load is never refused for it.
            await FlowSteps.CreatePaperAsync(author, consultationId, $"{name} warm-up {i}");
            consultations.Add(consultationId);
        }

        var scenario = new FaultScenario(name, system, auditor, new LoadDriver(author, reviewer, liaison, consultations));
        scenario._driving = scenario.Load.RunAsync(scenario._stop.Token);
        return scenario;
    }

    /// <summary>Stops the load, waits for the system to drain, asserts the exit criterion and returns the figures.</summary>
    public async Task<string> StopAndCountAsync(Stopwatch sinceFaultEnded)
    {
        await _stop.CancelAsync();
        await _driving;
        return await ExitCriterion.AssertHeldAsync(_name, _system, Auditor, Load, sinceFaultEnded, Stopwatch.StartNew());
    }
}
