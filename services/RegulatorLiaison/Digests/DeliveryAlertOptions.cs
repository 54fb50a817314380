namespace PolicyEngage.RegulatorLiaison.Digests;

/// <summary>Configuration section <c>Digests</c>.</summary>
public sealed class DeliveryAlertOptions
{
    public const string Section = "Digests";

    /// <summary>
    /// A digest still <c>Delivering</c> after this long (Submissions has not answered its reservation request) turns
    /// readiness Degraded and counts in <c>policyengage.digests.delivery_overdue</c>.
    /// </summary>
    public TimeSpan DeliveryAlertAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the metric is measured.</summary>
    public TimeSpan DeliveryWatchInterval { get; set; } = TimeSpan.FromSeconds(30);
}
