using System.Diagnostics;

namespace PolicyEngage.Testing;

/// <summary>
/// One service or the gateway, run as a real process from its build output on a free loopback port. A fault test
/// may kill it (SIGKILL), stop it (SIGTERM) and start it again on the same port; one log file holds every life.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly string _dll;
    private readonly Dictionary<string, string> _environment;
    private readonly string _logFile;
    private readonly StreamWriter _log;
    private Process _process = null!;

    private ServiceProcess(string name, int port, string dll, Dictionary<string, string> environment, string logFile)
    {
        Name = name;
        Port = port;
        _dll = dll;
        _environment = environment;
        _logFile = logFile;
        _log = new StreamWriter(logFile) { AutoFlush = true };
    }

    /// <summary>The program's name, with an instance number from the second instance on (<c>Reviews-2</c>).</summary>
    public string Name { get; }
    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Starts <c>PolicyEngage.{program}.dll</c> from <paramref name="projectDirectory"/>'s build output, on
    /// <paramref name="port"/> when two processes must know each other's address before either starts.
    /// </summary>
    public static ServiceProcess Start(string program, string projectDirectory, string logDirectory,
        IReadOnlyDictionary<string, string> environment, string? name = null, int? port = null)
    {
        var dll = Path.Combine(RepositoryRoot.Path, projectDirectory, "bin", BuildConfiguration, "net10.0", $"PolicyEngage.{program}.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build the solution first: {dll} is missing.");
        name ??= program;
        var service = new ServiceProcess(name, port ?? LoopbackPorts.Free(), dll, new Dictionary<string, string>(environment), Path.Combine(logDirectory, $"{name}.log"));
        service.Launch();
        return service;
    }

    /// <summary>Starts the program again on the same port, with <paramref name="changes"/> applied to its environment (null removes a variable).</summary>
    public void Restart(IReadOnlyDictionary<string, string?>? changes = null)
    {
        if (!_process.HasExited) throw new InvalidOperationException($"{Name} is still running (pid {_process.Id}).");
        foreach (var (key, value) in changes ?? new Dictionary<string, string?>())
        {
            if (value is null) _environment.Remove(key);
            else _environment[key] = value;
        }
        _process.Dispose();
        Launch();
    }

    /// <summary>SIGKILL: no shutdown code runs. Returns once the process is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as an orchestrator stops a container; returns the exit code once the process has exited.</summary>
    public async Task<int> TerminateAsync(TimeSpan bound)
    {
        if (!UnixSignal.Send(_process.Id, UnixSignal.Term)) throw new InvalidOperationException($"Could not signal {Name} (pid {_process.Id}): it is gone.");
        return await ExitCodeWithinAsync(bound);
    }

    /// <summary>Waits for the process to end by itself (a crash, a failpoint) and returns its exit code.</summary>
    public async Task<int> ExitCodeWithinAsync(TimeSpan bound)
    {
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} (pid {_process.Id}) was still running after {bound}.\n{LogTail()}");
        }
        return _process.ExitCode;
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
            catch (TaskCanceledException) when (clock.Elapsed < timeout)
            {
                // Listening but too busy starting to answer one probe in time: ask again until the overall bound.
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

    private void Launch()
    {
        var start = new ProcessStartInfo("dotnet", [_dll])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Urls"] = $"http://127.0.0.1:{Port}";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in _environment) start.Environment[key] = value;

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        Append($"===== {DateTime.UtcNow:O} starting {Name} =====");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            if (_log.BaseStream.CanWrite) _log.WriteLine(line);
        }
    }

    /// <summary>Debug or Release: whatever this test assembly was built as, the services were too.</summary>
    public static string BuildConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
}
