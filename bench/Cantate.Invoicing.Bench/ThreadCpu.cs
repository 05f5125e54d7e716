using System.Runtime.InteropServices;

/// <summary>
/// CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), so that figures taken on a shared,
/// loaded machine can be normalised to the CPU the benchmark actually got.
/// </summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>Seconds of CPU used by this thread so far, or NaN where the clock is not available.</summary>
    public static double Seconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }

        return ClockGetTime(ClockThreadCpuTimeId, out var ts) == 0 ? ts.Seconds + (ts.Nanoseconds / 1e9) : double.NaN;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);
}
