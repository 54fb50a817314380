using Microsoft.Extensions.Logging;

namespace PolicyEngage.Portal.Tests.Support.IdentityProvider;

/// <summary>The provider's log lines in one file, since the test process has no console anyone reads.</summary>
public sealed class FileLoggerProvider(string path) : ILoggerProvider
{
    private readonly StreamWriter _file = new(path, append: false) { AutoFlush = true };

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    private void Write(string line)
    {
        lock (_file) _file.WriteLine(line);
    }

    public void Dispose()
    {
        lock (_file) _file.Dispose();
    }

    private sealed class FileLogger(FileLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Write($"{DateTime.UtcNow:O} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : $"\n{exception}")}");
    }
}
