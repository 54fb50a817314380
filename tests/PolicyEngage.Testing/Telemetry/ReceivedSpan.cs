namespace PolicyEngage.Testing.Telemetry;

/// <summary>One span as a process exported it over OTLP; ids in lower-case hex, an empty parent for a root.</summary>
public sealed record ReceivedSpan(
    string Service,
    string Scope,
    string TraceId,
    string SpanId,
    string ParentSpanId,
    string Name,
    SpanKind Kind,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<SpanLink> Links)
{
    public string? Attribute(string key) => Attributes.GetValueOrDefault(key);

    public override string ToString() => $"{Service} {Kind} '{Name}' {SpanId} ← {(ParentSpanId == "" ? "root" : ParentSpanId)}";
}

public sealed record SpanLink(string TraceId, string SpanId);

/// <summary>OTLP's numbering.</summary>
public enum SpanKind { Unspecified, Internal, Server, Client, Producer, Consumer }

/// <summary>A metric's name as one process exported it.</summary>
public sealed record ReceivedMetric(string Service, string Scope, string Name);
