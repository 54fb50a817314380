using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using PolicyEngage.Portal.Accounts;
using PolicyEngage.Portal.Gateway;

namespace PolicyEngage.Portal.Security;

/// <summary>When the API stops accepting the session's token, the user signs in again and comes back where they were.</summary>
public sealed class SessionExpiredFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not SessionExpiredException) return;
        await context.HttpContext.SignOutAsync(PortalSignIn.CookieScheme);
        var request = context.HttpContext.Request;
        var back = HttpMethods.IsGet(request.Method) ? $"{request.PathBase}{request.Path}{request.QueryString}" : "/";
        executed.Result = new RedirectResult($"/signin?returnUrl={Uri.EscapeDataString(back)}");
        executed.ExceptionHandled = true;
    }
}
