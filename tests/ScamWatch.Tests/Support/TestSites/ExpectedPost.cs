namespace ScamWatch.Tests.Support.TestSites;

/// <summary>
/// Ground truth for one live post of a <see cref="TestSite"/>: what a correct crawler extracts. A field is null where the
/// site does not show it. <see cref="Body"/> is the text a reader sees (one <c>\n</c> per line break or block boundary,
/// spaces collapsed, lines trimmed, at most one blank line between paragraphs).
/// </summary>
public sealed record ExpectedPost(
    string SitePostId,
    string Url,
    string Title,
    string Body,
    string? Company,
    string? Location,
    string? Salary,
    string? Contact,
    string? PostedAt,
    bool IsLure);
