namespace ScamWatch.Tests.Support.TestSites;

/// <summary>Reserved post ids of the fault URLs a site lists when a fault switch is on; never part of <see cref="TestSite.Expected"/>.</summary>
internal static class FaultIds
{
    public const string Huge = "990001";
    public const string Gzip = "990002";
    public const string LoopA = "990003";
    public const string LoopB = "990004";

    public static bool IsFault(string? id) => id is Huge or Gzip or LoopA or LoopB;
}
