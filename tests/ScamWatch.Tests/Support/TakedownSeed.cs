using Microsoft.Extensions.DependencyInjection;
using ScamWatch.Extraction;
using ScamWatch.Posts;
using ScamWatch.Review;

namespace ScamWatch.Tests.Support;

/// <summary>
/// Confirmed lures on two platforms: the crawled demo board (<c>albaplus</c>, operator <c>op</c>) and copies of its
/// flagged posts on a second site (<c>other-site</c>, operator <c>op2</c>, URLs on other-site.example), each confirmed
/// by a reviewer through the real queue so that the takedown requests are made the way production makes them.
/// </summary>
public static class TakedownSeed
{
    public const string OtherSite = "other-site";
    public const string OtherHost = "other-site.example";

    public sealed record Requests(IReadOnlyList<long> Albaplus, IReadOnlyList<long> Other);

    public static async Task<Requests> ConfirmAsync(ReviewApp app, int perPlatform)
    {
        var services = app.App.Services;
        var queue = services.GetRequiredService<ReviewQueue>();
        var posts = services.GetRequiredService<PostStore>();
        var clock = services.GetRequiredService<TimeProvider>();
        var own = await queue.ListAsync(new QueueQuery { Site = "albaplus", Limit = perPlatform });
        foreach (var item in own)
        {
            var post = (await posts.GetAsync(item.PostId))!;
            await services.GetRequiredService<PostIngestor>().IngestAsync(OtherSite, new ExtractedPost
            {
                SitePostId = "o" + post.SitePostId,
                Url = $"https://{OtherHost}/jobs/o{post.SitePostId}",
                Title = "[other] " + post.Title,
                Body = post.Body,
                Company = post.Company,
                Location = post.Location,
                Salary = post.Salary,
                EmploymentType = post.EmploymentType,
                Contact = post.Contact,
                PostedAt = post.PostedAt,
            }, null, CancellationToken.None);
        }

        var other = await queue.ListAsync(new QueueQuery { Site = OtherSite, Limit = perPlatform });
        Assert.Equal(perPlatform, other.Count);
        return new Requests(await ConfirmAllAsync(queue, own, clock), await ConfirmAllAsync(queue, other, clock));
    }

    private static async Task<IReadOnlyList<long>> ConfirmAllAsync(ReviewQueue queue, IReadOnlyList<ReviewItem> items, TimeProvider clock)
    {
        var ids = new List<long>();
        foreach (var item in items)
        {
            var result = await queue.DecideAsync(item.Id, "kim", DecisionKind.Confirm, "employment-fraud", null, clock.GetUtcNow());
            Assert.True(result.Accepted, result.Reason);
            ids.Add(result.TakedownId!.Value);
        }

        return ids;
    }
}
