using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PolicyEngage.Portal.Localization;

/// <summary><c>&lt;local-time value="@moment" /&gt;</c>: a <c>&lt;time&gt;</c> machines read as ISO-8601 and people in their own terms.</summary>
[HtmlTargetElement("local-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LocalTimeTagHelper(ReaderClock clock) : TagHelper
{
    public DateTimeOffset? Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        if (Value is not { } moment)
        {
            output.SuppressOutput();
            return;
        }
        output.Attributes.SetAttribute("datetime", moment.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        output.Content.SetContent(clock.Format(moment));
    }
}
