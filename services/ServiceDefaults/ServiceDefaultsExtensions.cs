using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyEngage.ServiceDefaults.Auth;
using PolicyEngage.ServiceDefaults.Errors;
using PolicyEngage.ServiceDefaults.Health;
using PolicyEngage.ServiceDefaults.Json;
using PolicyEngage.ServiceDefaults.OpenApi;
using PolicyEngage.ServiceDefaults.Telemetry;

namespace PolicyEngage.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// A builder whose content root is the app's own folder, so its appsettings.json is found wherever it is started
    /// from; relative data paths (<c>.data</c>) still resolve against the working directory.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

    /// <summary>What every service and the gateway need once: telemetry, health, problem details, JSON shape, auth, a clock.</summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.AddTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddJwtAuthentication();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<JsonOptions>(json => JsonDefaults.Configure(json.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            // Minimal APIs answer a non-JSON body with a bare 415; say what is expected.
            if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType)
                context.ProblemDetails.Detail ??= "The request body must be JSON (Content-Type: application/json).";
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddServiceOpenApi();
        return builder;
    }

    /// <summary>The request pipeline every service shares, and its health and OpenAPI endpoints.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use((context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthEndpoints();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
