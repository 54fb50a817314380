namespace PolicyEngage.ServiceDefaults.Validation;

/// <summary>
/// The SPEC's input bounds, defined once: requests are validated against them and every column storing one of these
/// fields, in whichever service, is sized by them, so what validation admits always fits.
/// </summary>
public static class InputBounds
{
    public const int Title = 200;

    public const int Summary = 2000;

    /// <summary>Bytes of UTF-8, not characters; the body's column is unbounded.</summary>
    public const int BodyUtf8Bytes = 200 * 1024;

    public const int Reference = 100;

    /// <summary>Names: a regulator's name and jurisdiction, an organisation.</summary>
    public const int Name = 100;

    public const int Comment = 5000;

    /// <summary>An e-mail address (RFC 5321's limit on a forward path): a token's <c>email</c>, a regulator's <c>contactEmail</c>.</summary>
    public const int EmailAddress = 254;
}
