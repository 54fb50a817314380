namespace PolicyEngage.Contracts;

public sealed record RegulatorRegistered(Guid RegulatorId, string Name, string Jurisdiction) : IntegrationEvent;
