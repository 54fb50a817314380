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
}
