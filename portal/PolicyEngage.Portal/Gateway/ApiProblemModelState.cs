using System.Net;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using PolicyEngage.Portal.Localization;

namespace PolicyEngage.Portal.Gateway;

public static class ApiProblemModelState
{
    /// <summary>
    /// Puts an API refusal into a person's terms: each field the API named beside that form field (<paramref
    /// name="fields"/> maps the API's names to the form's), and one sentence on what happened and what to do.
    /// </summary>
    public static void AddApiProblem(this ModelStateDictionary state, ApiProblem problem, IStringLocalizer<SharedText> text,
        IReadOnlyDictionary<string, string>? fields = null)
    {
        foreach (var (name, messages) in problem.Errors)
        {
            var key = fields?.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Value ?? "";
            foreach (var message in messages) state.AddModelError(key, message);
        }
        state.AddModelError("", Explain(problem, text));
    }

    public static string Explain(ApiProblem problem, IStringLocalizer<SharedText> text)
    {
        string what = problem.Status switch
        {
            HttpStatusCode.BadRequest => text["Some of what you entered cannot be accepted; see the fields marked below."],
            HttpStatusCode.Forbidden => text["Your role or organisation may not do this."],
            HttpStatusCode.NotFound => text["It does not exist, or it is not yours to see."],
            HttpStatusCode.Conflict => text["This cannot be done in its current state."],
            HttpStatusCode.PreconditionFailed => text["Someone changed this since you opened it. Reload the page to see their changes, then try again."],
            HttpStatusCode.RequestEntityTooLarge => text["That is too large to send (at most 1 MB)."],
            HttpStatusCode.TooManyRequests => text["Too many requests at once; wait a moment and try again."],
            >= HttpStatusCode.InternalServerError => text["The service is unavailable just now; try again shortly."],
            _ => text["The request was refused."],
        };
        // The API's own detail says why (which paper, which deadline); never a stack trace, which the API does not send outside Development.
        return problem.Detail is { Length: > 0 and <= 500 } detail && problem.Status != HttpStatusCode.InternalServerError ? $"{what} {detail}" : what;
    }
}
