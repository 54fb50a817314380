using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PolicyEngage.ServiceDefaults.Persistence;

/// <summary>
/// Every stored time is UTC. Providers hand back <see cref="DateTimeKind.Unspecified"/>; this restores the kind so
/// times serialize with their "Z" and hash the same after a round trip through the database.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    stored => DateTime.SpecifyKind(stored, DateTimeKind.Utc));
