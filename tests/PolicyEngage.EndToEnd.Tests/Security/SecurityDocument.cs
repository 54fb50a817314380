using System.Text;
using PolicyEngage.Testing;

namespace PolicyEngage.EndToEnd.Tests.Security;

/// <summary>docs/security.md, rendered from <see cref="AuthorizationMatrix"/> so the published matrix and the tested one never drift.</summary>
public static class SecurityDocument
{
    public const string RelativePath = "docs/security.md";

    private static readonly (Who Who, string Heading)[] Columns =
    [
        (Who.Anonymous, "anonymous"),
        (Who.Author, "PolicyAuthor (acme)"),
        (Who.OtherAuthor, "PolicyAuthor (initech)"),
        (Who.Reviewer, "Reviewer (globex)"),
        (Who.SameOrgReviewer, "Reviewer (acme)"),
        (Who.Liaison, "LiaisonOfficer"),
        (Who.Regulator, "Regulator (addressed)"),
        (Who.OtherRegulator, "Regulator (another)"),
        (Who.Auditor, "Auditor"),
    ];

    public static string Render()
    {
        var text = new StringBuilder();
        text.AppendLine("# Who may do what");
        text.AppendLine();
        text.AppendLine("<!-- Generated from tests/PolicyEngage.EndToEnd.Tests/Security/AuthorizationMatrix.cs; a test fails when the two differ.");
        text.AppendLine("     Regenerate: POLICYENGAGE_WRITE_DOCS=1 ./test.sh --filter FullyQualifiedName~SecurityDocument -->");
        text.AppendLine();
        text.AppendLine($"Every route of the SPEC × every kind of caller: {AuthorizationMatrix.CellCount} cells, each one sent through the gateway to");
        text.AppendLine("the running services by the end-to-end suite, which asserts the status below. The scenario: acme's paper was");
        text.AppendLine("submitted, approved by a globex reviewer and delivered in a digest to the addressed regulator; acme also holds a");
        text.AppendLine("draft it never submitted. \"Another\" organisation or regulator is a caller with the right role but the wrong tenant.");
        text.AppendLine();
        text.AppendLine("401: not signed in. 403: the role may not use the route, or a reviewer deciding on their own organisation's paper.");
        text.AppendLine("404: another tenant's resource (its existence is not revealed), or a draft outside its organisation. Other codes:");
        text.AppendLine("the caller passed authorization and the route answered for the resource's state (the calls are aimed where a change");
        text.AppendLine("is refused, so the matrix does not move the scenario).");
        text.AppendLine();
        text.AppendLine($"| route | resource | {string.Join(" | ", Columns.Select(c => c.Heading))} |");
        text.AppendLine($"|---|---|{string.Concat(Columns.Select(_ => "---|"))}");
        foreach (var row in AuthorizationMatrix.Rows)
            text.AppendLine($"| `{row.Method} {row.Path}` | {row.Resource} | {string.Join(" | ", Columns.Select(c => row.Expected[c.Who]))} |");
        return text.ToString();
    }
}
