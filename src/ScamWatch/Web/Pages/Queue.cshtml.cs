using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ScamWatch.Classification;
using ScamWatch.Review;

namespace ScamWatch.Web.Pages;

public sealed class QueueModel(ReviewQueue queue, IOptions<ReviewOptions> options) : PageModel
{
    public static readonly (string Status, string Label)[] Statuses =
    [
        (ReviewStatus.Open, "대기"), (ReviewStatus.SecondReview, "2차 검토"), (ReviewStatus.Escalated, "상급 검토"), (ReviewStatus.Confirmed, "사기 확정"), (ReviewStatus.Rejected, "사기 아님"),
    ];

    [BindProperty(SupportsGet = true)]
    public string Status { get; set; } = ReviewStatus.Open;

    [BindProperty(SupportsGet = true)]
    public string Order { get; set; } = "risk";

    [BindProperty(SupportsGet = true)]
    public string? Site { get; set; }

    [BindProperty(SupportsGet = true)]
    public double? MinScore { get; set; }

    [BindProperty(SupportsGet = true)]
    public double? MaxScore { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Since { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Until { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Campaign { get; set; }

    /// <summary>1-based page number.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNo { get; set; } = 1;

    public bool HasMore { get; private set; }

    /// <summary>This list's address with one parameter changed (filters kept).</summary>
    public string Link(int page) => "/queue" + Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?>
    {
        ["status"] = Status,
        ["order"] = Order,
        ["site"] = Site,
        ["minScore"] = MinScore?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["maxScore"] = MaxScore?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["since"] = Since,
        ["until"] = Until,
        ["campaign"] = Campaign,
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value)));

    public IReadOnlyList<ReviewItem> Items { get; private set; } = [];

    public IReadOnlyDictionary<string, long> Counts { get; private set; } = new Dictionary<string, long>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!Statuses.Any(s => s.Status == Status))
        {
            Status = ReviewStatus.Open;
        }

        PageNo = Math.Clamp(PageNo, 1, 100_000);
        var size = options.Value.PageSize;
        var items = await queue.ListAsync(new QueueQuery
        {
            Status = Status,
            Order = Order == "uncertain" ? QueueOrder.Uncertain : QueueOrder.Risk,
            Site = string.IsNullOrWhiteSpace(Site) ? null : Site,
            MinScore = MinScore,
            MaxScore = MaxScore,
            Since = Since,
            Until = Until,
            Campaign = Campaign,
            Limit = size + 1,
            Offset = (PageNo - 1) * size,
        }, ct);
        HasMore = items.Count > size;
        Items = HasMore ? items.Take(size).ToList() : items;
        Counts = await queue.CountsAsync(ct);
    }

    public static IEnumerable<string> TopRules(string? reasons) =>
        ClassificationStore.ParseReasons(reasons).Where(r => r.Kind == "rule" && r.Weight > 0).Take(3).Select(r => r.Name);
}
