namespace PolicyEngage.RegulatorLiaison.Digests.Groups;

/// <summary>A digest position as grouping sees it: who said it and what it says.</summary>
public sealed record GroupCandidate(Guid PaperId, string Organisation, string Body);
