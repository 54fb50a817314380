namespace PolicyEngage.Testing.Events;

/// <summary>
/// The fixed times the sample events default to, so that what a service stores from them can be written out by hand:
/// a consultation's life from the day its regulator is registered. A test that needs other times passes them, or
/// changes the event <c>with { OccurredAt = … }</c>.
/// </summary>
public static class ConsultationStory
{
    public static readonly DateTime Start = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>The content hash the samples carry where no paper text is at hand.</summary>
    public static readonly string ContentHash = new('a', 64);
}
