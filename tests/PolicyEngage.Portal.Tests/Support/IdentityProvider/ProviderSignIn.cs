using Microsoft.Playwright;

namespace PolicyEngage.Portal.Tests.Support.IdentityProvider;

/// <summary>What a person does on the test provider's own sign-in page, where the portal has sent them.</summary>
public static class ProviderSignIn
{
    public static async Task SignInAtProviderAsync(this PortalVisitor visitor, TestIdentityProvider provider, TestPerson person)
    {
        Assert.StartsWith($"{provider.Address.TrimEnd('/')}{ProviderEndpoints.AuthorizePath}", visitor.Page.Url, StringComparison.Ordinal);
        await visitor.Page.GetByLabel("User name").FillAsync(person.UserName);
        await visitor.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in at the provider" }).ClickAsync();
    }
}
