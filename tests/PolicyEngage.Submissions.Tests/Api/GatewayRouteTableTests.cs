using PolicyEngage.Submissions.Tests.Support;
using PolicyEngage.Testing;

namespace PolicyEngage.Submissions.Tests.Api;

public sealed class GatewayRouteTableTests(SubmissionsApp app) : EndpointsMatchGatewayRoutes("submissions", () => app.Services), IClassFixture<SubmissionsApp>;
