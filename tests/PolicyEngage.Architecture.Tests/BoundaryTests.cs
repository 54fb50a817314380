using System.Xml.Linq;
using PolicyEngage.Contracts;
using PolicyEngage.Testing;

namespace PolicyEngage.Architecture.Tests;

/// <summary>ARCHITECTURE.md's boundaries, read from the project files and the Contracts assembly itself.</summary>
public class BoundaryTests
{
    private static readonly string[] Services = ["Submissions", "Reviews", "RegulatorLiaison", "Audit"];

    public static TheoryData<string> ServiceNames => new(Services);

    /// <summary>
    /// The one outbound HTTP client a service has: RegulatorLiaison pushing digests to the regulators' own endpoints
    /// (Standard Webhooks), never to another service; the ports of ours are refused there as everywhere.
    /// </summary>
    private static readonly string WebhookDelivery =
        Path.Combine(RepositoryRoot.Path, "services", "RegulatorLiaison", "Webhooks", "Delivery") + Path.DirectorySeparatorChar;

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void A_service_references_only_Contracts_and_ServiceDefaults(string service)
    {
        var references = ProjectReferencesOf($"services/{service}/PolicyEngage.{service}.csproj");

        Assert.Equal(["PolicyEngage.Contracts", "PolicyEngage.ServiceDefaults"], references.Order());
    }

    [Fact]
    public void The_gateway_references_ServiceDefaults_and_never_a_service()
    {
        Assert.Equal(["PolicyEngage.ServiceDefaults"], ProjectReferencesOf("gateway/PolicyEngage.Gateway/PolicyEngage.Gateway.csproj"));
    }

    [Fact]
    public void Contracts_references_nothing_of_ours_and_no_transport()
    {
        Assert.Empty(ProjectReferencesOf("services/Contracts/PolicyEngage.Contracts.csproj"));
        Assert.Empty(PackageReferencesOf("services/Contracts/PolicyEngage.Contracts.csproj"));

        var referenced = typeof(IntegrationEvent).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(referenced, name => name.StartsWith("MassTransit", StringComparison.Ordinal) || name.StartsWith("RabbitMQ", StringComparison.Ordinal));
        Assert.DoesNotContain(referenced, name => name.StartsWith("PolicyEngage", StringComparison.Ordinal));
    }

    [Fact]
    public void Contracts_holds_event_records_and_the_values_they_carry_nothing_else()
    {
        foreach (var type in typeof(IntegrationEvent).Assembly.GetExportedTypes())
        {
            var isRecord = type.GetMethod("<Clone>$") is not null;
            Assert.True(type.IsEnum || isRecord, $"{type.Name} is neither an event record nor a value it carries.");
            Assert.False(type.GetMethods().Any(m => m.DeclaringType == type && !m.IsSpecialName && !IsRecordMember(m.Name)),
                $"{type.Name} has behaviour; Contracts holds data only.");
            if (isRecord && !type.IsAbstract && type.Name != nameof(DigestPaperVersion))
                Assert.True(type.IsSubclassOf(typeof(IntegrationEvent)), $"{type.Name} is a record outside the IntegrationEvent family.");
        }
    }

    [Fact]
    public void The_ledger_proofs_library_has_no_ASP_NET_EF_or_project_of_ours_only_one_Ed25519_package()
    {
        const string project = "services/Ledger.Proofs/PolicyEngage.Ledger.Proofs.csproj";

        Assert.Empty(ProjectReferencesOf(project));
        Assert.Equal(["BouncyCastle.Cryptography"], PackageReferencesOf(project));
        Assert.Empty(Load(project).Descendants("FrameworkReference"));
    }

    [Fact]
    public void The_offline_verifier_references_the_ledger_proofs_library_and_nothing_else()
    {
        const string project = "tools/PolicyEngage.Verifier/PolicyEngage.Verifier.csproj";

        Assert.Equal(["PolicyEngage.Ledger.Proofs"], ProjectReferencesOf(project));
        Assert.Empty(PackageReferencesOf(project));
        Assert.Empty(Load(project).Descendants("FrameworkReference"));
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void A_service_keeps_its_own_database_name(string service)
    {
        var program = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "services", service, "Program.cs"));

        Assert.Contains($"(\"{service.ToLowerInvariant()}\")", program);
        Assert.DoesNotContain(Services.Where(s => s != service), other => program.Contains($"(\"{other.ToLowerInvariant()}\")"));
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void No_service_calls_another_over_HTTP(string service)
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "services", service), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            if (!file.StartsWith(WebhookDelivery, StringComparison.Ordinal))
                Assert.False(text.Contains("HttpClient", StringComparison.Ordinal), $"{file} uses HttpClient: services talk through events only.");
            Assert.DoesNotMatch(@"\b510[1-4]\b", text);
        }
    }

    private static bool IsRecordMember(string name) =>
        name is "ToString" or "Equals" or "GetHashCode" or "PrintMembers" or "Deconstruct" or "<Clone>$";

    private static List<string> ProjectReferencesOf(string project) =>
        Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

    private static List<string> PackageReferencesOf(string project) =>
        Load(project).Descendants("PackageReference").Select(r => r.Attribute("Include")!.Value).ToList();

    private static XDocument Load(string project) => XDocument.Load(Path.Combine(RepositoryRoot.Path, project));
}
