using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PolicyEngage.Testing;

/// <summary>One service or the gateway, run as a real process from its build output on a free loopback port.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _logFile;
    private readonly StreamWriter _log;

    private ServiceProcess(string name, int port, Process process, string logFile, StreamWriter log)
    {
        Name = name;
        Port = port;
        _process = process;
        _logFile = logFile;
        _log = log;
    }

    public string Name { get; }
    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public static ServiceProcess Start(string name, string projectDirectory, string logDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var dll = Path.Combine(RepositoryRoot.Path, projectDirectory, "bin", BuildConfiguration, "net10.0", $"PolicyEngage.{name}.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build the solution first: {dll} is missing.");

        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var logFile = Path.Combine(logDirectory, $"{name}.log");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(log, line.Data);
        process.ErrorDataReceived += (_, line) => Append(log, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(name, port, process, logFile, log);
    }

    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}.\n{LogTail()}");
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} was not ready within {timeout}.\n{LogTail()}");
    }

    public string LogTail(int lines = 40)
    {
        lock (_log)
        {
            using var reader = new FileStream(_logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var all = new StreamReader(reader).ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }

    private static void Append(StreamWriter log, string? line)
    {
        if (line is null) return;
        lock (log)
        {
            if (log.BaseStream.CanWrite) log.WriteLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Debug or Release: whatever this test assembly was built as, the services were too.</summary>
    private static string BuildConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
}
