namespace PolicyEngage.ServiceDefaults.Mail;

/// <summary>Configuration section <c>Portal</c>: where people read what a mail tells them of.</summary>
public sealed class PortalLinks
{
    public const string Section = "Portal";

    /// <summary>The portal's address as its users reach it (the gateway's, which serves it).</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:8080";

    /// <summary>A page of the portal, e.g. <c>papers/{id}</c>.</summary>
    public Uri Page(string path) => new($"{PublicUrl.TrimEnd('/')}/{path.TrimStart('/')}");
}
