using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PolicyEngage.ServiceDefaults.Validation;

public sealed class ValidationFilter<T> : IEndpointFilter where T : class, IValidatedRequest
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.Arguments.OfType<T>().SingleOrDefault();
        if (request is null) return Problems.InvalidBody();

        var validation = new RequestValidation(context.HttpContext.RequestServices.GetRequiredService<TimeProvider>());
        request.Validate(validation);
        return validation.IsValid ? await next(context) : validation.ToProblem();
    }
}

public static class ValidationEndpointExtensions
{
    /// <summary>Validates the body of type <typeparamref name="T"/> before the handler: 400 and no change on failure.</summary>
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder) where T : class, IValidatedRequest =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}

file static class Problems
{
    public static IResult InvalidBody() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$"] = ["A JSON object body is required."] });
}
