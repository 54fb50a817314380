namespace PolicyEngage.Gateway.Security;

/// <summary>No cross-origin access unless <c>Cors:AllowedOrigins</c> names the origins (e.g. a front end's own host).</summary>
public static class ClosedCors
{
    private const string AllowedOriginsKey = "Cors:AllowedOrigins";

    public static WebApplicationBuilder AddClosedCors(this WebApplicationBuilder builder)
    {
        var origins = AllowedOriginsOf(builder.Configuration);
        if (origins.Length == 0) return builder;

        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .AllowAnyMethod()
            .WithHeaders("Authorization", "Content-Type", "If-Match")
            .WithExposedHeaders("ETag", "Location", "Retry-After")));
        return builder;
    }

    public static WebApplication UseClosedCors(this WebApplication app)
    {
        if (AllowedOriginsOf(app.Configuration).Length > 0) app.UseCors();
        return app;
    }

    private static string[] AllowedOriginsOf(IConfiguration configuration) =>
        configuration.GetSection(AllowedOriginsKey).Get<string[]>() ?? [];
}
