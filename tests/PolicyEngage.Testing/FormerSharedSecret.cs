using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace PolicyEngage.Testing;

/// <summary>
/// The HMAC secret every process shared before tokens were signed with ES256; it was public, so anyone could have
/// minted HS256 tokens with it. Kept here only so that tests can show such a token is refused everywhere.
/// </summary>
public static class FormerSharedSecret
{
    public const string Value = "policyengage-local-development-signing-key-not-a-secret";

    public static SigningCredentials Credentials { get; } =
        new(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Value)), SecurityAlgorithms.HmacSha256);
}
