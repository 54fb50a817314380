using PolicyEngage.Audit.Tests.Support;
using PolicyEngage.Testing;

namespace PolicyEngage.Audit.Tests;

public sealed class GatewayRouteTableTests(AuditApp app) : EndpointsMatchGatewayRoutes("audit", () => app.Services), IClassFixture<AuditApp>;
