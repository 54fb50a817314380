using System.Net;

namespace PolicyEngage.RegulatorLiaison.Webhooks;

/// <summary>
/// What a registered webhook URL must be. Registration checks syntax and literal addresses only: a name is resolved at
/// each attempt, where the address actually connected to is checked (<see cref="Delivery.GuardedConnect"/>), so a name
/// that resolves elsewhere later gains nothing by passing here.
/// </summary>
public sealed class WebhookUrlRules(WebhookAddressPolicy addresses, bool allowPlainHttp)
{
    public const int MaxLength = 2000;

    /// <summary>The reason the URL cannot be registered, or null when it can.</summary>
    public string? Check(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return "The url is required.";
        if (url.Length > MaxLength) return $"The url is longer than {MaxLength} characters.";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return allowPlainHttp ? "The url must be an absolute http or https URL." : "The url must be an absolute https URL.";
        if (uri.Scheme == Uri.UriSchemeHttp && !allowPlainHttp) return "The url must use https: digests are sent only encrypted.";
        // GetLeftPart keeps even an empty user info ("http://@host/"), which Uri.UserInfo shows as nothing.
        if (uri.GetLeftPart(UriPartial.Authority).Contains('@')) return "The url must not carry a user name or password.";
        if (uri.Fragment.Length > 0) return "The url must not have a fragment (#...): it is never sent.";
        return HostRefusal(uri) is { } refusal
            ? $"The url's host {refusal}: webhooks are not sent to loopback, private, link-local, shared, multicast or unspecified addresses."
            : null;
    }

    /// <summary>
    /// The host as the HTTP client will connect to it, <see cref="Uri.IdnHost"/>, where System.Uri has already read
    /// decimal, hex and octal IPv4 forms (<c>2130706433</c>, <c>0x7f.1</c>, <c>0177.0.0.1</c>) as the address they spell.
    /// </summary>
    private string? HostRefusal(Uri uri)
    {
        if (WebhookAddresses.LiteralOf(uri.IdnHost) is { } literal) return addresses.RefusalOf(literal);
        // RFC 6761: localhost names are loopback without asking any resolver.
        var name = uri.IdnHost.TrimEnd('.');
        var isLocalhost = name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
        return isLocalhost && addresses.RefusalOf(IPAddress.Loopback) is not null ? $"{name} is a loopback name" : null;
    }
}
