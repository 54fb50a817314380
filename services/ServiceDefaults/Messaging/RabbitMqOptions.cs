namespace PolicyEngage.ServiceDefaults.Messaging;

/// <summary>Configuration section <c>RabbitMq</c>.</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    public string Host { get; set; } = "127.0.0.1";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";

    /// <summary>The service's own broker user; unset, the service's name, as the ledger shows it (SPEC).</summary>
    public string? Username { get; set; }

    /// <summary>Required outside Development; in Development the password the local broker setup gives the user.</summary>
    public string? Password { get; set; }

    public int RetryLimit { get; set; } = 5;
}
