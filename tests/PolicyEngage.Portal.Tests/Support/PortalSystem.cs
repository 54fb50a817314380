using PolicyEngage.Testing;

namespace PolicyEngage.Portal.Tests.Support;

/// <summary>The whole system as real processes, the portal included, reached by the browser through the gateway only.</summary>
public class PortalSystem : RunningSystem
{
    protected override bool WithPortal => true;

    /// <summary>The address a person types: the gateway's.</summary>
    public string PortalAddress => Gateway.BaseAddress.ToString().TrimEnd('/');
}
