using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Cantate.Testing;

/// <summary>Keeps every error the application logs, so a test fails on any unhandled exception, with its details.</summary>
public sealed class ErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();

    public IReadOnlyList<string> Errors => _errors.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _errors);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<string> errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // EF logs the probe of a missing migrations table as a failed command; real failures surface as exceptions elsewhere.
            if (!IsEnabled(logLevel) || category == "Microsoft.EntityFrameworkCore.Database.Command") return;
            errors.Enqueue($"{category}: {formatter(state, exception)}{Environment.NewLine}{exception}");
        }
    }
}
