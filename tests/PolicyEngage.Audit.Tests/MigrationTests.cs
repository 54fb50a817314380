using PolicyEngage.Audit.Data;
using PolicyEngage.Testing;

namespace PolicyEngage.Audit.Tests;

public sealed class MigrationTests : MigrationSetsInStep<AuditSqlServerDesignTimeFactory, AuditSqliteDesignTimeFactory>;
