using PolicyEngage.Reviews.Tests.Support;
using PolicyEngage.Testing;

namespace PolicyEngage.Reviews.Tests;

public sealed class GatewayRouteTableTests(ReviewsApp app) : EndpointsMatchGatewayRoutes("reviews", () => app.Services), IClassFixture<ReviewsApp>;
