namespace PolicyEngage.Testing.Telemetry;

/// <summary>Reads OTLP/HTTP protobuf export requests (opentelemetry-proto's trace and metrics services).</summary>
internal static class OtlpRequests
{
    public static List<ReceivedSpan> Spans(ReadOnlySpan<byte> exportTraceServiceRequest)
    {
        var spans = new List<ReceivedSpan>();
        var request = new ProtobufReader(exportTraceServiceRequest);
        while (request.Next())
        {
            if (request.Field == 1) ReadResourceSpans(request.Bytes(), spans);
            else request.Skip();
        }
        return spans;
    }

    public static List<ReceivedMetric> Metrics(ReadOnlySpan<byte> exportMetricsServiceRequest)
    {
        var metrics = new List<ReceivedMetric>();
        var request = new ProtobufReader(exportMetricsServiceRequest);
        while (request.Next())
        {
            if (request.Field != 1) { request.Skip(); continue; }
            var resourceMetrics = new ProtobufReader(request.Bytes());
            var service = "";
            var scopes = new List<(string Scope, List<string> Names)>();
            while (resourceMetrics.Next())
            {
                switch (resourceMetrics.Field)
                {
                    case 1: service = ServiceName(resourceMetrics.Bytes()); break;
                    case 2: scopes.Add(ReadScopeMetrics(resourceMetrics.Bytes())); break;
                    default: resourceMetrics.Skip(); break;
                }
            }
            metrics.AddRange(scopes.SelectMany(scope => scope.Names.Select(name => new ReceivedMetric(service, scope.Scope, name))));
        }
        return metrics;
    }

    private static void ReadResourceSpans(ReadOnlySpan<byte> bytes, List<ReceivedSpan> spans)
    {
        var reader = new ProtobufReader(bytes);
        var service = "";
        var scopes = new List<(string Scope, List<SpanFields> Spans)>();
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: service = ServiceName(reader.Bytes()); break;
                case 2: scopes.Add(ReadScopeSpans(reader.Bytes())); break;
                default: reader.Skip(); break;
            }
        }
        foreach (var (scope, fields) in scopes)
            spans.AddRange(fields.Select(f => new ReceivedSpan(service, scope, f.TraceId, f.SpanId, f.ParentSpanId, f.Name, f.Kind, f.Attributes, f.Links)));
    }

    private static (string, List<SpanFields>) ReadScopeSpans(ReadOnlySpan<byte> bytes)
    {
        var reader = new ProtobufReader(bytes);
        var scope = "";
        var spans = new List<SpanFields>();
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: scope = ScopeName(reader.Bytes()); break;
                case 2: spans.Add(ReadSpan(reader.Bytes())); break;
                default: reader.Skip(); break;
            }
        }
        return (scope, spans);
    }

    private static (string, List<string>) ReadScopeMetrics(ReadOnlySpan<byte> bytes)
    {
        var reader = new ProtobufReader(bytes);
        var scope = "";
        var names = new List<string>();
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: scope = ScopeName(reader.Bytes()); break;
                case 2: names.Add(FirstString(reader.Bytes())); break; // Metric: its name is field 1
                default: reader.Skip(); break;
            }
        }
        return (scope, names);
    }

    private sealed record SpanFields(string TraceId, string SpanId, string ParentSpanId, string Name, SpanKind Kind,
        Dictionary<string, string> Attributes, List<SpanLink> Links);

    private static SpanFields ReadSpan(ReadOnlySpan<byte> bytes)
    {
        var reader = new ProtobufReader(bytes);
        string traceId = "", spanId = "", parentSpanId = "", name = "";
        var kind = SpanKind.Unspecified;
        var attributes = new Dictionary<string, string>();
        var links = new List<SpanLink>();
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: traceId = Convert.ToHexStringLower(reader.Bytes()); break;
                case 2: spanId = Convert.ToHexStringLower(reader.Bytes()); break;
                case 4: parentSpanId = Convert.ToHexStringLower(reader.Bytes()); break;
                case 5: name = reader.String(); break;
                case 6: kind = (SpanKind)reader.Varint(); break;
                case 9:
                    var (key, value) = ReadKeyValue(reader.Bytes());
                    attributes[key] = value;
                    break;
                case 13: links.Add(ReadLink(reader.Bytes())); break;
                default: reader.Skip(); break;
            }
        }
        return new SpanFields(traceId, spanId, parentSpanId, name, kind, attributes, links);
    }

    private static SpanLink ReadLink(ReadOnlySpan<byte> bytes)
    {
        var reader = new ProtobufReader(bytes);
        string traceId = "", spanId = "";
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: traceId = Convert.ToHexStringLower(reader.Bytes()); break;
                case 2: spanId = Convert.ToHexStringLower(reader.Bytes()); break;
                default: reader.Skip(); break;
            }
        }
        return new SpanLink(traceId, spanId);
    }

    /// <summary>Resource: its attributes are field 1; the one wanted is service.name.</summary>
    private static string ServiceName(ReadOnlySpan<byte> resource)
    {
        var reader = new ProtobufReader(resource);
        while (reader.Next())
        {
            if (reader.Field != 1) { reader.Skip(); continue; }
            var (key, value) = ReadKeyValue(reader.Bytes());
            if (key == "service.name") return value;
        }
        return "";
    }

    private static string ScopeName(ReadOnlySpan<byte> scope) => FirstString(scope);

    private static string FirstString(ReadOnlySpan<byte> message)
    {
        var reader = new ProtobufReader(message);
        while (reader.Next())
        {
            if (reader.Field == 1) return reader.String();
            reader.Skip();
        }
        return "";
    }

    private static (string Key, string Value) ReadKeyValue(ReadOnlySpan<byte> bytes)
    {
        var reader = new ProtobufReader(bytes);
        string key = "", value = "";
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: key = reader.String(); break;
                case 2: value = ReadAnyValue(reader.Bytes()); break;
                default: reader.Skip(); break;
            }
        }
        return (key, value);
    }

    /// <summary>Strings, booleans and whole numbers as text; the attributes a test reads are of those kinds.</summary>
    private static string ReadAnyValue(ReadOnlySpan<byte> bytes)
    {
        var reader = new ProtobufReader(bytes);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: return reader.String();
                case 2: return reader.Varint() != 0 ? "true" : "false";
                case 3: return ((long)reader.Varint()).ToString(System.Globalization.CultureInfo.InvariantCulture);
                default: reader.Skip(); break;
            }
        }
        return "";
    }
}
