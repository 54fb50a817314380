using PolicyEngage.Testing;

namespace PolicyEngage.Portal.Tests.Support;

/// <summary>
/// Where the browser tests leave what a person would want to look at after a run: screenshots of every step and the
/// accessibility report (<c>.data/test-artefacts/portal</c>, beside test.sh's logs).
/// </summary>
public static class Artefacts
{
    public static string Folder { get; } = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, ".data", "test-artefacts", "portal")).FullName;

    public static string File(string name) => Path.Combine(Folder, name);
}
