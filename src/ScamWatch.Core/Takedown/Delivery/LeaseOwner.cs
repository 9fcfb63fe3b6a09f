using System.Diagnostics;
using System.Globalization;

namespace ScamWatch.Takedown.Delivery;

/// <summary>
/// Who holds a claimed delivery, written to <c>deliveries.lease_owner</c>: machine, process id, process start time and a
/// per-run nonce. A lease ends when it runs out; on the same machine it also ends as soon as its process is gone (or
/// the pid now belongs to a process started at another time), so a restart after a crash resumes at once instead of
/// waiting out the lease. Owners on other machines are only ever outlived, never judged.
/// </summary>
public sealed record LeaseOwner(string Machine, int ProcessId, long ProcessStartMs, string Nonce)
{
    private const long StartToleranceMs = 2_000;

    public static LeaseOwner ForThisProcess()
    {
        using var process = Process.GetCurrentProcess();
        return new(Environment.MachineName, Environment.ProcessId, StartMs(process), Guid.NewGuid().ToString("N")[..12]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Machine}/{ProcessId}/{ProcessStartMs}/{Nonce}");

    public static LeaseOwner? Parse(string? text)
    {
        var parts = text?.Split('/');
        return parts is { Length: >= 4 }
            && int.TryParse(parts[^3], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && long.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? new LeaseOwner(string.Join('/', parts[..^3]), pid, start, parts[^1])
            : null;
    }

    /// <summary>True when the owner certainly no longer runs, as told by <paramref name="stillRunning"/>(pid, start ms).</summary>
    public static bool IsAbandoned(string? owner, string machine, Func<int, long, bool> stillRunning) =>
        Parse(owner) is { } o && string.Equals(o.Machine, machine, StringComparison.Ordinal) && !stillRunning(o.ProcessId, o.ProcessStartMs);

    public static bool IsAbandonedHere(string? owner) => IsAbandoned(owner, Environment.MachineName, StillRunning);

    /// <summary>Whether the process with this id is the one that started at this time. When in doubt, yes.</summary>
    public static bool StillRunning(int processId, long processStartMs)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return Math.Abs(StartMs(process) - processStartMs) <= StartToleranceMs;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false; // no such process, or it has exited
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return true; // not ours to inspect: wait for the lease to run out
        }
    }

    private static long StartMs(Process process) => new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds();
}
