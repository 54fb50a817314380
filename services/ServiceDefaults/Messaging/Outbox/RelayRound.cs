namespace PolicyEngage.ServiceDefaults.Messaging.Outbox;

/// <summary>One relay round as the loop sees it: it drains on while rounds publish, and backs off while the broker is away.</summary>
public sealed record RelayRound(int Claimed, int Published, bool BrokerUnavailable)
{
    public static readonly RelayRound Idle = new(0, 0, false);
}
