namespace ScamWatch.Extraction;

/// <summary>The fields of one job post as read off a detail page (or an API item), before storage.</summary>
public sealed record ExtractedPost
{
    public required string SitePostId { get; init; }
    public required string Url { get; init; }
    public string? Title { get; init; }
    public string? Body { get; init; }
    public string? Company { get; init; }
    public string? Location { get; init; }
    public string? Salary { get; init; }
    public string? EmploymentType { get; init; }
    public string? Contact { get; init; }
    public string? PostedAt { get; init; }

    /// <summary>SHA-256 over the fields a reader sees; equal hashes mean an unchanged post.</summary>
    public string ContentHash()
    {
        var joined = string.Join('\u001F', Title, Body, Company, Location, Salary, EmploymentType, Contact, PostedAt);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(joined)));
    }
}
