using PolicyEngage.Testing;

namespace PolicyEngage.EndToEnd.Tests.Security;

public class SecurityDocumentTests
{
    [Fact]
    public void The_published_matrix_is_the_tested_matrix()
    {
        var path = Path.Combine(RepositoryRoot.Path, SecurityDocument.RelativePath);
        var rendered = SecurityDocument.Render();
        if (Environment.GetEnvironmentVariable("POLICYENGAGE_WRITE_DOCS") == "1") File.WriteAllText(path, rendered);

        Assert.True(File.Exists(path), $"{SecurityDocument.RelativePath} is missing; regenerate it with POLICYENGAGE_WRITE_DOCS=1.");
        Assert.Equal(rendered, File.ReadAllText(path));
    }
}
