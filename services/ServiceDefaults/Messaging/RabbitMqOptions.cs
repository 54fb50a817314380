namespace PolicyEngage.ServiceDefaults.Messaging;

/// <summary>Configuration section <c>RabbitMq</c>.</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    public string Host { get; set; } = "127.0.0.1";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";

    /// <summary>Quorum queues replicate across a cluster; production turns them on.</summary>
    public bool QuorumQueues { get; set; }

    public int RetryLimit { get; set; } = 5;
}
