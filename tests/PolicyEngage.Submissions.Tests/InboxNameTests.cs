using PolicyEngage.Submissions.Data;
using PolicyEngage.Testing;

namespace PolicyEngage.Submissions.Tests;

public sealed class InboxNameTests : InboxNamesDeclared<SubmissionsDbContext>;
