using PolicyEngage.Testing;

namespace PolicyEngage.EndToEnd.Tests;

/// <summary>One running system shared by the end-to-end tests, which therefore run one after another.</summary>
[CollectionDefinition(nameof(RunningSystem))]
public sealed class RunningSystemCollection : ICollectionFixture<RunningSystem>;
