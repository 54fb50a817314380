using PolicyEngage.RegulatorLiaison.Data;
using PolicyEngage.Testing;

namespace PolicyEngage.RegulatorLiaison.Tests;

public sealed class InboxNameTests : InboxNamesDeclared<RegulatorLiaisonDbContext>;
