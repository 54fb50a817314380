using PolicyEngage.Audit.Data;
using PolicyEngage.Testing;

namespace PolicyEngage.Audit.Tests;

public sealed class InboxNameTests : InboxNamesDeclared<AuditDbContext>;
