using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PolicyEngage.Portal.Pages;

/// <summary>What a person sees when something fails: what happened and a reference, never a stack trace.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public bool IsNotFound { get; private set; }
    public string TraceId { get; private set; } = "";

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        IsNotFound = status == StatusCodes.Status404NotFound;
        TraceId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        if (status is >= 400 and < 600) Response.StatusCode = status.Value;
    }
}
