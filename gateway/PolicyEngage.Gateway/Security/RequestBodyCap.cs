namespace PolicyEngage.Gateway.Security;

/// <summary>The SPEC's first check: a body over 1 MB is 413, before authentication and before anything is proxied.</summary>
public static class RequestBodyCap
{
    public const long MaxBytes = 1_048_576;

    /// <summary>Kestrel enforces the cap on bodies without a Content-Length (chunked) while YARP streams them; YARP then answers 413.</summary>
    public static WebApplicationBuilder AddRequestBodyCap(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxBytes);
        return builder;
    }

    /// <summary>A declared length over the cap is refused at once with a problem, rather than mid-stream.</summary>
    public static IApplicationBuilder UseRequestBodyCap(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength > MaxBytes)
        {
            await TypedResults.Problem(
                    statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: "Payload too large",
                    detail: $"The request body must be at most {MaxBytes:N0} bytes.")
                .ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
