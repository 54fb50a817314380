using PolicyEngage.Testing;

namespace PolicyEngage.Faults.Tests;

/// <summary>One running system shared by the fault scenarios, which therefore run one after another.</summary>
[CollectionDefinition(nameof(RunningSystem))]
public sealed class RunningSystemCollection : ICollectionFixture<RunningSystem>;
