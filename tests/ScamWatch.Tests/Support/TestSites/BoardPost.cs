namespace ScamWatch.Tests.Support.TestSites;

/// <summary>A post on a board-style site (the EUC-KR part-time board and the community board).</summary>
internal sealed record BoardPost : FixturePost
{
    public string? Company { get; init; }

    public string? Location { get; init; }

    public string? Salary { get; init; }

    public string? Contact { get; init; }

    /// <summary>Pinned notice: listed on top of every list page.</summary>
    public bool IsNotice { get; init; }

    public string Author { get; init; } = "";

    /// <summary>Time of day shown beside the date on the community board.</summary>
    public string Time { get; init; } = "09:00";
}
