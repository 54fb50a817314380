using PolicyEngage.RegulatorLiaison.Tests.Support;
using PolicyEngage.Testing;

namespace PolicyEngage.RegulatorLiaison.Tests;

public sealed class GatewayRouteTableTests(RegulatorLiaisonApp app) : EndpointsMatchGatewayRoutes("regulatorliaison", () => app.Services), IClassFixture<RegulatorLiaisonApp>;
