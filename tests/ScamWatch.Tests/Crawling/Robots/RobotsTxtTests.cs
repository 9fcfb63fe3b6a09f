using ScamWatch.Crawling.Robots;

namespace ScamWatch.Tests.Crawling.Robots;

public sealed class RobotsTxtTests
{
    private const string Text = """
        # comment line
        User-agent: BadBot
        Disallow: /

        User-agent: *
        Disallow: /member/
        Disallow: /*?mode=print$
        Disallow: /search
        Allow: /search/jobs
        Allow: /board/view
        Disallow: /board/
        Crawl-delay: 2

        User-agent: scamwatch
        User-agent: otherbot
        Disallow: /private
        Allow: /private/ok$
        Crawl-delay: 5
        """;

    [Theory]
    [InlineData("Mozilla", "/member/123", false, "Disallow: /member/")]
    [InlineData("Mozilla", "/board/view.php?id=5", true, "Allow: /board/view")]
    [InlineData("Mozilla", "/board/list.php", false, "Disallow: /board/")]
    [InlineData("Mozilla", "/board/view.php?mode=print", false, "Disallow: /*?mode=print$")]
    [InlineData("Mozilla", "/board/view.php?mode=print&x=1", true, "Allow: /board/view")]
    [InlineData("Mozilla", "/search/jobs?q=1", true, "Allow: /search/jobs")]
    [InlineData("Mozilla", "/search?q=1", false, "Disallow: /search")]
    [InlineData("Mozilla", "/", true, "no rule")]
    [InlineData("BadBot", "/anything", false, "Disallow: /")]
    [InlineData("ScamWatch", "/member/123", true, "no rule of group 'scamwatch'")]
    [InlineData("ScamWatch", "/private/x", false, "Disallow: /private")]
    [InlineData("ScamWatch", "/private/ok", true, "Allow: /private/ok$")]
    [InlineData("ScamWatch", "/robots.txt", true, "always allowed")]
    public void Check_Path_FollowsLongestMatchInOwnGroup(string agent, string path, bool allowed, string reason)
    {
        var decision = RobotsTxt.Parse(Text).Check(agent, path);
        Assert.Equal(allowed, decision.Allowed);
        Assert.Contains(reason, decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EqualLengthAllowAndDisallow_AllowWins()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /page\nAllow: /page\n");
        Assert.True(robots.Check("x", "/page").Allowed);
    }

    [Fact]
    public void CrawlDelay_ComesFromTheChosenGroup()
    {
        var robots = RobotsTxt.Parse(Text);
        Assert.Equal(TimeSpan.FromSeconds(5), robots.CrawlDelay("ScamWatch"));
        Assert.Equal(TimeSpan.FromSeconds(2), robots.CrawlDelay("Mozilla"));
    }

    [Fact]
    public void Check_NonAsciiPattern_MatchesPercentEncodedPath()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /채용/비공개\n");
        var path = new Uri("http://x.test/채용/비공개/1").PathAndQuery;
        Assert.False(robots.Check("x", path).Allowed);
    }

    [Fact]
    public void DisallowAll_IsUnavailableAndBlocksEverything()
    {
        var robots = RobotsTxt.DisallowAll("robots.txt answered 503");
        Assert.True(robots.IsUnavailable);
        Assert.False(robots.Check("x", "/a").Allowed);
        Assert.True(RobotsTxt.AllowAll("404").Check("x", "/a").Allowed);
    }

    [Fact]
    public void Parse_GarbageAndHugeInput_DoesNotThrow()
    {
        var garbage = string.Concat(Enumerable.Repeat("Disallow /x\n:::\nUser-agent\n\0\u00ff", 100_000));
        var robots = RobotsTxt.Parse(garbage);
        Assert.True(robots.Check("x", "/x").Allowed);
    }
}
