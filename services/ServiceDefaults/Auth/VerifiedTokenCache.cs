using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PolicyEngage.ServiceDefaults.Auth;

/// <summary>
/// Remembers a bearer token that passed every check until it expires, so that a caller's next requests skip the ES256
/// verification, the largest single cost of a cheap request in the profile (paid at the gateway and again at the
/// service). Only a token that validated is kept, under its SHA-256, and each hit gets an identity of its own. A key
/// rotated out at the identity provider meanwhile still admits the tokens it signed until they expire, as it would have
/// had they been checked a minute earlier.
/// </summary>
public sealed class VerifiedTokenCache(TimeProvider clock) : JsonWebTokenHandler
{
    /// <summary>Enough for every caller of a busy hour; when full, a new token is checked but not kept while the cache compacts.</summary>
    private const int Capacity = 20_000;

    private readonly MemoryCache _verified = new(new MemoryCacheOptions { SizeLimit = Capacity, Clock = new SystemClockOf(clock) });

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var key = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        if (_verified.TryGetValue(key, out TokenValidationResult? known) && known is not null) return Copy(known);

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken { ValidTo: var validTo } && validTo > DateTime.MinValue)
        {
            // Until the lifetime check itself would refuse it: its expiry plus the tolerated skew.
            var refusedFrom = new DateTimeOffset(DateTime.SpecifyKind(validTo, DateTimeKind.Utc)) + validationParameters.ClockSkew;
            _verified.Set(key, Copy(result), new MemoryCacheEntryOptions { AbsoluteExpiration = refusedFrom, Size = 1 });
        }
        return result;
    }

    /// <summary>A request may add to its identity; what is remembered, and what each hit is given, is a copy.</summary>
    private static TokenValidationResult Copy(TokenValidationResult result) => new()
    {
        IsValid = true,
        ClaimsIdentity = result.ClaimsIdentity.Clone(),
        SecurityToken = result.SecurityToken,
        Issuer = result.Issuer,
        TokenType = result.TokenType,
    };

#pragma warning disable CS0618 // ISystemClock is how MemoryCache takes a clock.
    private sealed class SystemClockOf(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
#pragma warning restore CS0618
}
