using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.Testing.Services;

namespace PolicyEngage.RegulatorLiaison.Tests.Support;

/// <summary>The real service over HTTP on the kit's <see cref="ServiceApp{TProgram, TContext, TSqliteContext}"/>, with a clock the test moves.</summary>
public sealed class RegulatorLiaisonApp()
    : ServiceApp<Program, RegulatorLiaisonDbContext, SqliteRegulatorLiaisonDbContext>("ConnectionStrings:regulatorliaison")
{
    /// <summary>The service's clock: deadlines pass, and the deadline check runs, when a test advances it.</summary>
    public FakeTimeProvider Clock { get; } = TestClock.StartingNow();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Consultations:DeadlineCheckInterval", "00:00:00.100");
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public HttpClient Officer() => ClientAs(Roles.LiaisonOfficer, subject: "officer-1");

    /// <summary>A regulator registered by an officer over HTTP, as the service registers one; its id.</summary>
    public Task<Guid> RegisterRegulatorAsync(string name = "Data Protection Board") =>
        CreatedIdAsync(Officer().PostAsJsonAsync("/api/regulators", new { name, jurisdiction = "EU" }));

    /// <summary>A consultation opened by an officer over HTTP for the regulator, a month ahead; its id.</summary>
    public Task<Guid> OpenConsultationAsync(Guid regulatorId, string reference = "DPB-2026-07") =>
        CreatedIdAsync(Officer().PostAsJsonAsync("/api/consultations", new
        {
            regulatorId,
            reference,
            title = "Avatars and biometrics",
            summary = "How should avatars use biometric data?",
            closesAt = Clock.GetUtcNow().UtcDateTime.AddDays(30),
        }));

    private static async Task<Guid> CreatedIdAsync(Task<HttpResponseMessage> creating)
    {
        using var response = await creating;
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
