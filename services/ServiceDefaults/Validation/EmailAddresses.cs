using System.Net.Mail;

namespace PolicyEngage.ServiceDefaults.Validation;

public static class EmailAddresses
{
    /// <summary>
    /// One plain address, <c>local@domain</c>, within <see cref="InputBounds.EmailAddress"/>: no display name, no list, no
    /// comment, no quoted, bracketed or spaced parts, so that what is stored is exactly where a mail goes.
    /// </summary>
    public static bool IsPlain(string value)
    {
        var at = value.IndexOf('@');
        return value.Length <= InputBounds.EmailAddress
            && at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1
            && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '<' or '>' or '(' or ')' or ',' or ';' or ':' or '[' or ']' or '\\')
            && MailAddress.TryCreate(value, out var parsed) && parsed.Address == value && parsed.DisplayName.Length == 0;
    }
}
