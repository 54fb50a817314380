using System.Net;
using System.Text;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace PolicyEngage.Portal.Tests.Support.IdentityProvider;

/// <summary>
/// The endpoints OpenIddict passes through to the provider's own code: who signs in (a page with a user name), what a
/// token says about them, and signing out. Protocol checks (client, redirect URI, PKCE, codes) stay OpenIddict's.
/// </summary>
public static class ProviderEndpoints
{
    public const string AuthorizePath = "/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string EndSessionPath = "/connect/endsession";
    public const string UserNameField = "provider_user";

    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static void Map(WebApplication app)
    {
        // As Delegate: a route handler whose IResult is written, not a RequestDelegate that would drop it.
        app.MapMethods(AuthorizePath, ["GET", "POST"], (Delegate)Authorize);
        app.MapPost(TokenPath, (Delegate)Token);
        app.MapMethods(EndSessionPath, ["GET", "POST"], () => Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [Scheme]));
    }

    /// <summary>No session of its own: every authorization asks who is there, so a signed-out user is asked again.</summary>
    private static async Task<IResult> Authorize(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var userName = HttpMethods.IsPost(context.Request.Method) ? (await context.Request.ReadFormAsync())[UserNameField].ToString() : null;
        var person = TestPeople.Find(userName);
        if (person is null) return LoginPage(request, unknown: !string.IsNullOrEmpty(userName));
        return Results.SignIn(TestPeople.PrincipalOf(person, request.GetScopes()), authenticationScheme: Scheme);
    }

    private static async Task<IResult> Token(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsAuthorizationCodeGrantType())
        {
            // OpenIddict has checked the code, its client, redirect URI and PKCE verifier: the principal is the one signed in.
            var code = await context.AuthenticateAsync(Scheme);
            return Results.SignIn(code.Principal!, authenticationScheme: Scheme);
        }
        // The password grant, for the tests' own set-up client only (its permissions say so).
        var person = TestPeople.Find(request.Username);
        return person is null
            ? Results.Forbid(authenticationSchemes: [Scheme])
            : Results.SignIn(TestPeople.PrincipalOf(person, request.GetScopes()), authenticationScheme: Scheme);
    }

    /// <summary>The provider's own sign-in page: the authorization request's parameters ride along as hidden fields.</summary>
    private static IResult LoginPage(OpenIddictRequest request, bool unknown)
    {
        var html = new StringBuilder("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
            <body><main><h1>Test identity provider</h1>
            """);
        if (unknown) html.Append("<p role=\"alert\">No such user.</p>");
        html.Append($"<form method=\"post\" action=\"{AuthorizePath}\">");
        foreach (var (name, value) in request.GetParameters().Where(parameter => parameter.Key != UserNameField))
            html.Append($"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(name)}\" value=\"{WebUtility.HtmlEncode(value.ToString())}\">");
        html.Append($"""
            <label for="{UserNameField}">User name</label> <input id="{UserNameField}" name="{UserNameField}" autocomplete="username">
            <button type="submit">Sign in at the provider</button></form></main></body></html>
            """);
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
