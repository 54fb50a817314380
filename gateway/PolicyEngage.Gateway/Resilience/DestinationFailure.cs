using Polly.CircuitBreaker;
using Polly.Timeout;

namespace PolicyEngage.Gateway.Resilience;

/// <summary>
/// Which outbound failures mean the service is not there. A caller's broken upload, a caller who went away, or a service
/// that answered badly is none of them: those keep YARP's own answer and never count against the service's circuit.
/// </summary>
public static class DestinationFailure
{
    /// <summary>No connection could be made: refused, unresolvable, failed TLS, or past <c>ConnectTimeout</c>.</summary>
    public static bool IsUnreachable(Exception exception) => exception switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } => true,
        // SocketsHttpHandler reports its ConnectTimeout as a cancellation wrapping a TimeoutException.
        OperationCanceledException { InnerException: TimeoutException } => true,
        _ => false,
    };

    /// <summary>Answered with 503: unreachable, no answer within <c>AttemptTimeout</c>, or refused by an open circuit.</summary>
    public static bool IsUnavailable(Exception exception) =>
        exception is TimeoutRejectedException or BrokenCircuitException || IsUnreachable(exception);
}
