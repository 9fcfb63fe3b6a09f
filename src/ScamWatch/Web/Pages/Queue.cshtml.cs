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

    public IReadOnlyList<ReviewItem> Items { get; private set; } = [];

    public IReadOnlyDictionary<string, long> Counts { get; private set; } = new Dictionary<string, long>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!Statuses.Any(s => s.Status == Status))
        {
            Status = ReviewStatus.Open;
        }

        Items = await queue.ListAsync(new QueueQuery
        {
            Status = Status,
            Order = Order == "uncertain" ? QueueOrder.Uncertain : QueueOrder.Risk,
            Site = string.IsNullOrWhiteSpace(Site) ? null : Site,
            MinScore = MinScore,
            MaxScore = MaxScore,
            Since = Since,
            Until = Until,
            Limit = options.Value.PageSize,
        }, ct);
        Counts = await queue.CountsAsync(ct);
    }

    public static IEnumerable<string> TopRules(string? reasons) =>
        ClassificationStore.ParseReasons(reasons).Where(r => r.Kind == "rule" && r.Weight > 0).Take(3).Select(r => r.Name);
}
