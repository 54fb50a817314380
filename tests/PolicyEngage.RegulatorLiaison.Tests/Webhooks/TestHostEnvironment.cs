using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace PolicyEngage.RegulatorLiaison.Tests.Webhooks;

/// <summary>Just an environment name, for the registrations that read it.</summary>
internal sealed class TestHostEnvironment(string environmentName) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = environmentName;
    public string ApplicationName { get; set; } = "PolicyEngage.RegulatorLiaison";
    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
