using PolicyEngage.Reviews.Data;
using PolicyEngage.Testing;

namespace PolicyEngage.Reviews.Tests;

public sealed class InboxNameTests : InboxNamesDeclared<ReviewsDbContext>;
