using System.ComponentModel.DataAnnotations;

namespace PolicyEngage.Gateway.RateLimiting;

/// <summary>Configuration section <c>RateLimiting</c>: a token bucket per caller.</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Sustained rate: tokens added each second.</summary>
    [Range(1, int.MaxValue)]
    public int PermitsPerSecond { get; set; } = 50;

    /// <summary>Bucket size: how many requests a quiet caller may send at once.</summary>
    [Range(1, int.MaxValue)]
    public int Burst { get; set; } = 100;
}
