using System.Linq.Expressions;
using System.Security.Claims;
using PolicyEngage.ServiceDefaults.Auth;

namespace PolicyEngage.RegulatorLiaison.Regulators;

/// <param name="ContactEmail">The regulator's contact address, to liaison officers only: null for every other caller.</param>
public sealed record RegulatorResponse(Guid Id, string Name, string Jurisdiction, string? ContactEmail)
{
    /// <summary>The response's columns, so that a list reads only those; <see cref="Of"/> is the same mapping.</summary>
    public static readonly Expression<Func<Regulator, RegulatorResponse>> Projection = r => new RegulatorResponse(r.Id, r.Name, r.Jurisdiction, r.ContactEmail);

    private static readonly Func<Regulator, RegulatorResponse> FromRegulator = Projection.Compile();

    public static RegulatorResponse Of(Regulator regulator, ClaimsPrincipal caller) => FromRegulator(regulator).For(caller);

    /// <summary>As <paramref name="caller"/> may see it: an address is personal data, and only the liaison office writes to it.</summary>
    public RegulatorResponse For(ClaimsPrincipal caller) => caller.IsInRole(Roles.LiaisonOfficer) ? this : this with { ContactEmail = null };
}
