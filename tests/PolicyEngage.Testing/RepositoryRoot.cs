namespace PolicyEngage.Testing;

public static class RepositoryRoot
{
    /// <summary>The folder holding PolicyEngage.sln, found upwards from the test binaries.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "PolicyEngage.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("PolicyEngage.sln not found above " + AppContext.BaseDirectory);
    }
}
