using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace PolicyEngage.Portal.Localization;

/// <summary>
/// <c>&lt;deadline closes-at="@c.ClosesAt" /&gt;</c>: how long a consultation stays open, counted down in days,
/// hours and minutes, with the deadline itself beside it.
/// </summary>
[HtmlTargetElement("deadline", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DeadlineTagHelper(ReaderClock clock, IStringLocalizer<SharedText> text) : TagHelper
{
    public DateTimeOffset ClosesAt { get; set; }

    /// <summary>A consultation closed early (by the liaison office) shows as closed whatever its deadline.</summary>
    public bool Closed { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "deadline");
        var left = ClosesAt - clock.Now;
        string countdown;
        if (Closed || left <= TimeSpan.Zero) countdown = text["Closed"];
        else if (left.TotalDays >= 1) countdown = text["Closes in {0} d {1} h", (int)left.TotalDays, left.Hours];
        else if (left.TotalHours >= 1) countdown = text["Closes in {0} h {1} min", (int)left.TotalHours, left.Minutes];
        else countdown = text["Closes in {0} min", Math.Max(1, (int)Math.Ceiling(left.TotalMinutes))];
        output.Attributes.SetAttribute("data-closes-at", ClosesAt.UtcDateTime.ToString("O"));
        output.Content.SetHtmlContent($"<strong>{System.Net.WebUtility.HtmlEncode(countdown)}</strong> · <time datetime=\"{ClosesAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\">{System.Net.WebUtility.HtmlEncode(clock.Format(ClosesAt))}</time>");
    }
}
