namespace ScamWatch.Tests.Support.TestSites;

/// <summary>A job on the JSON API site.</summary>
internal sealed record ApiJob : FixturePost
{
    public string? Company { get; init; }

    public required string Region { get; init; }

    public long? PayAmount { get; init; }

    /// <summary>MONTH, DAY, HOUR or CASE (per delivery / per event).</summary>
    public string PayUnit { get; init; } = "MONTH";

    public string? Contact { get; init; }
}
