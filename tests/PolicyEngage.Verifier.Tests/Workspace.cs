namespace PolicyEngage.Verifier.Tests;

/// <summary>A temporary folder of export, note and proof files, and the tampering the tests do to them.</summary>
public sealed class Workspace : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policyengage-verify-").FullName;

    public string Write(string name, IEnumerable<string> lines) => Write(name, string.Join('\n', lines) + "\n");

    public string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Line <paramref name="lineNumber"/> (1-based) of the file, changed by <paramref name="change"/>.</summary>
    public static void ChangeLine(string path, int lineNumber, Func<string, string> change)
    {
        var lines = File.ReadAllLines(path);
        var changed = change(lines[lineNumber - 1]);
        Assert.NotEqual(lines[lineNumber - 1], changed);
        lines[lineNumber - 1] = changed;
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
    }

    /// <summary>The text with the one character at <paramref name="index"/> replaced by another of its kind (hex stays hex, base64 base64).</summary>
    public static string ChangeCharAt(string text, int index) =>
        text[..index] + (text[index] == '0' ? '1' : '0') + text[(index + 1)..];

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
