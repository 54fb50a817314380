using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace PolicyEngage.ServiceDefaults.Errors;

public static class ProblemResponses
{
    private static readonly string[] ProblemJson = ["application/problem+json"];

    /// <summary>Documents that the endpoint may answer each status with RFC 7807 problem details.</summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses)
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ProblemJson));
        return builder;
    }

    /// <summary>A route or query value that does not bind (an id that is not a GUID) is a 400 naming the field.</summary>
    public static TBuilder ProducesInvalidParameters<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), ProblemJson));
}
