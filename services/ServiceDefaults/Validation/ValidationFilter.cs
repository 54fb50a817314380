using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PolicyEngage.ServiceDefaults.Errors;

namespace PolicyEngage.ServiceDefaults.Validation;

public sealed class ValidationFilter<T> : IEndpointFilter where T : class, IValidatedRequest
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.Arguments.OfType<T>().SingleOrDefault();
        if (request is null) return InvalidBodyProblem.Of();

        var validation = new RequestValidation(context.HttpContext.RequestServices.GetRequiredService<TimeProvider>());
        request.Validate(validation);
        return validation.IsValid ? await next(context) : validation.ToProblem();
    }
}

public static class ValidationEndpointExtensions
{
    /// <summary>
    /// Validates the body of type <typeparamref name="T"/> before the handler: 400 and no change on failure. Documents
    /// what any JSON body may meet: the gateway's 1 MB cap (413) and a body that is not JSON (415).
    /// </summary>
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder) where T : class, IValidatedRequest =>
        builder.AddEndpointFilter<ValidationFilter<T>>()
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
}

file static class InvalidBodyProblem
{
    public static IResult Of() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$"] = ["A JSON object body is required."] });
}
