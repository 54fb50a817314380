using System.Text;
using Microsoft.AspNetCore.Http;

namespace PolicyEngage.ServiceDefaults.Validation;

/// <summary>A request body that checks its own bounds; the <see cref="ValidationFilter{T}"/> answers 400 before the handler runs.</summary>
public interface IValidatedRequest
{
    void Validate(RequestValidation validation);
}

/// <summary>Collects field errors, keyed by the field's JSON name.</summary>
public sealed class RequestValidation(TimeProvider clock)
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public DateTime UtcNow { get; } = clock.GetUtcNow().UtcDateTime;

    public bool IsValid => _errors.Count == 0;

    public RequestValidation Text(string field, string? value, int maxCharacters, bool required = true)
    {
        if (value is null || (required && string.IsNullOrWhiteSpace(value)))
        {
            if (required) Add(field, $"'{field}' is required.");
        }
        else if (value.Length > maxCharacters)
        {
            Add(field, $"'{field}' must be at most {maxCharacters} characters.");
        }
        else if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            Add(field, $"'{field}' must not contain control characters.");
        }
        return this;
    }

    public RequestValidation Utf8Text(string field, string? value, int maxBytes)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"'{field}' is required.");
        else if (Encoding.UTF8.GetByteCount(value) > maxBytes) Add(field, $"'{field}' must be at most {maxBytes} bytes of UTF-8.");
        else if (value.Contains('\0')) Add(field, $"'{field}' must not contain NUL characters.");
        return this;
    }

    /// <summary>
    /// One plain address, <c>local@domain</c>: no display name, no list, no comment, no quoted or spaced parts, so that
    /// what is stored is exactly what a mail goes to. Null passes unless <paramref name="required"/>.
    /// </summary>
    public RequestValidation EmailAddress(string field, string? value, bool required = false)
    {
        if (value is null)
        {
            if (required) Add(field, $"'{field}' is required.");
        }
        else if (value.Length > InputBounds.EmailAddress)
        {
            Add(field, $"'{field}' must be at most {InputBounds.EmailAddress} characters.");
        }
        else if (!EmailAddresses.IsPlain(value))
        {
            Add(field, $"'{field}' must be a single e-mail address such as name@example.org, without a display name.");
        }
        return this;
    }

    public RequestValidation Required(string field, Guid? value)
    {
        if (value is null || value == Guid.Empty) Add(field, $"'{field}' is required and must be a GUID.");
        return this;
    }

    public RequestValidation Add(string field, string error)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(error);
        return this;
    }

    public IResult ToProblem() =>
        TypedResults.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: "The request is not valid");
}
