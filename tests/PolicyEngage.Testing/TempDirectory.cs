namespace PolicyEngage.Testing;

/// <summary>
/// A folder for a test's real database files and process logs, removed afterwards unless
/// <c>POLICYENGAGE_TEST_KEEP_DATA</c> is set, for an investigation of a failure.
/// </summary>
public sealed class TempDirectory : IDisposable
{
    private static readonly bool Keep = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("POLICYENGAGE_TEST_KEEP_DATA"));

    public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "policyengage-tests", Guid.NewGuid().ToString("N"))).FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Keep) return;
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that still holds a file is stopping; the OS temp cleaner takes what is left.
        }
    }
}
