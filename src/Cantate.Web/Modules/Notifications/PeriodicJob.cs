namespace Cantate.Web.Modules.Notifications;

/// <summary>
/// A background check that runs at start, then every <c>period</c> of the application's clock (TimeProvider), so that
/// tests move the clock instead of waiting. A failed run is logged and the next tick tries again.
/// </summary>
public abstract partial class PeriodicJob(TimeProvider clock, TimeSpan period, ILogger logger) : BackgroundService
{
    /// <summary>The application time of the last completed check (for monitoring, and for tests that move the clock).</summary>
    public DateTime? LastCheckAt { get; private set; }

    /// <summary>One check at the given application time.</summary>
    protected abstract Task RunAsync(DateTime now, CancellationToken cancellationToken);

    /// <summary>Runs one check now (the timer calls it; so may a test or an operator).</summary>
    public async Task RunNowAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await RunAsync(now, cancellationToken);
        LastCheckAt = now;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A tick that comes while a check runs is kept, so moving the clock forward is never missed.
        using var timer = new PeriodicTimer(period, clock);
        do
        {
            try
            {
                await RunNowAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCheckFailed(logger, GetType().Name, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try { return await timer.WaitForNextTickAsync(stoppingToken); }
        catch (OperationCanceledException) { return false; }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Periodic check {Job} failed")]
    private static partial void LogCheckFailed(ILogger logger, string job, Exception ex);
}
