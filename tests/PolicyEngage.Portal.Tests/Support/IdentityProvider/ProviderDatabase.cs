using Microsoft.EntityFrameworkCore;

namespace PolicyEngage.Portal.Tests.Support.IdentityProvider;

/// <summary>OpenIddict's applications, authorizations and tokens (codes are redeemed once), in an in-memory SQLite database.</summary>
public sealed class ProviderDatabase(DbContextOptions<ProviderDatabase> options) : DbContext(options);
