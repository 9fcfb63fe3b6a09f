using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ScamWatch.Bench;

/// <summary>Machine facts and memory readings for benchmark reports.</summary>
public static class BenchMachine
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), " +
               $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024.0):0.#} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    /// <summary>The 1-, 5- and 15-minute load averages (Linux): whether other work shared the cores during a run.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Peak resident memory of this process so far, in MiB.</summary>
    public static double PeakMiB()
    {
        using var p = Process.GetCurrentProcess();
        p.Refresh();
        return p.PeakWorkingSet64 / (1024.0 * 1024.0);
    }
}
