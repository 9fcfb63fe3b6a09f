using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ScamWatch.Classification;
using ScamWatch.Posts;
using ScamWatch.Review;

namespace ScamWatch.Web.Pages;

public sealed class ItemModel(ReviewQueue queue, PostStore posts, TimeProvider clock, IOptions<ReviewOptions> options) : PageModel
{
    public ReviewItem? Item { get; private set; }

    public PostRow? Post { get; private set; }

    public IReadOnlyList<Highlighter.Piece> Pieces { get; private set; } = [];

    public IReadOnlyList<Reason> Reasons { get; private set; } = [];

    public IReadOnlyList<AuditEntry> Audit { get; private set; } = [];

    public IReadOnlyList<CampaignMember> Campaign { get; private set; } = [];

    public IReadOnlyList<PostVersion> Versions { get; private set; } = [];

    public int CampaignOpen => Campaign.Count(m => m.ItemId is not null && ReviewStatus.IsUndecided(m.Status));

    public string? ClaimedByOther { get; private set; }

    public bool CanDecide { get; private set; }

    /// <summary>Reviewers and admins decide; analysts read without claiming.</summary>
    public bool MayDecide => User.IsInRole(Accounts.Roles.Reviewer) || User.IsInRole(Accounts.Roles.Admin);

    /// <summary>How often the open page renews its claim: a third of the lease, so two renewals may fail before it lapses.</summary>
    public int RenewSeconds => Math.Max(5, (int)(options.Value.ClaimLease.TotalSeconds / 3));

    public string? NextUrl { get; private set; }

    public string? PrevUrl { get; private set; }

    /// <summary>The post text, HTML-encoded, with each fired rule's span in a &lt;mark&gt;.</summary>
    public Microsoft.AspNetCore.Html.HtmlString Highlighted()
    {
        var sb = new System.Text.StringBuilder();
        foreach (var piece in Pieces)
        {
            var text = System.Net.WebUtility.HtmlEncode(piece.Text);
            sb.Append(piece.Rule is null ? text : $"<mark title=\"{System.Net.WebUtility.HtmlEncode(piece.Rule)}\">{text}</mark>");
        }

        return new Microsoft.AspNetCore.Html.HtmlString(sb.ToString());
    }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Item = await queue.GetAsync(id, ct);
        if (Item is null)
        {
            return NotFound();
        }

        var reviewer = User.Identity!.Name!;
        var open = ReviewStatus.IsUndecided(Item.Status);
        if (open && MayDecide && !await queue.ClaimAsync(id, reviewer, clock.GetUtcNow(), options.Value.ClaimLease, ct))
        {
            ClaimedByOther = (await queue.GetAsync(id, ct))?.ClaimedBy ?? Item.ClaimedBy;
        }

        CanDecide = open && MayDecide && ClaimedByOther is null;
        Post = await posts.GetAsync(Item.PostId, ct);
        Reasons = ClassificationStore.ParseReasons(Item.Reasons);
        var text = PostText.From(Post?.Title, Post?.Body, Post?.Company, Post?.Location, Post?.Salary, Post?.EmploymentType, Post?.Contact).Original;
        Pieces = Highlighter.Split(text, Reasons.Where(r => r.Kind == "rule").Select(r => (r.Start, r.Length, r.Name)));
        Audit = await queue.AuditForPostAsync(Item.PostId, ct);
        Campaign = await queue.CampaignAsync(Item.PostId, ct);
        Versions = await posts.VersionsAsync(Item.PostId, ct);
        var (previous, next) = await queue.NeighboursAsync(id, ct);
        NextUrl = next is { } n ? $"/items/{n}" : null;
        PrevUrl = previous is { } p ? $"/items/{p}" : null;
        return Page();
    }

    /// <summary>Renews the lease while the reviewer keeps the page open (called by review.js). 409 when the claim was lost.</summary>
    public async Task<IActionResult> OnPostRenewAsync(long id, CancellationToken ct)
    {
        if (!MayDecide)
        {
            return Forbid();
        }

        var now = clock.GetUtcNow();
        return await queue.ClaimAsync(id, User.Identity!.Name!, now, options.Value.ClaimLease, ct)
            ? new JsonResult(new { claimed = true, expires_at = Storage.Iso.ToText(now + options.Value.ClaimLease) })
            : new ConflictObjectResult(new { claimed = false, reason = "claimed by another reviewer, or already decided" });
    }

    public async Task<IActionResult> OnPostCampaignAsync(long id, string? reasonCode, string? note, CancellationToken ct)
    {
        if (!MayDecide)
        {
            return Forbid();
        }

        var results = await queue.DecideCampaignAsync(id, User.Identity!.Name!, DecisionKind.Confirm, reasonCode ?? "employment-fraud",
            string.IsNullOrWhiteSpace(note) ? null : note.Trim(), clock.GetUtcNow(), ct);
        Message = $"캠페인 판정: {results.Count(r => r.Accepted)}건 사기 확정" +
            (results.Any(r => !r.Accepted) ? $", {results.Count(r => !r.Accepted)}건 제외 ({string.Join("; ", results.Where(r => !r.Accepted).Select(r => r.Reason))})" : "");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDecideAsync(long id, string decision, string? reasonCode, string? note, CancellationToken ct)
    {
        var kind = decision switch
        {
            "confirm" => DecisionKind.Confirm,
            "reject" => DecisionKind.Reject,
            "escalate" => DecisionKind.Escalate,
            _ => (DecisionKind?)null,
        };
        if (!MayDecide)
        {
            return Forbid();
        }

        if (kind is null)
        {
            return BadRequest("unknown decision");
        }

        var result = await queue.DecideAsync(id, User.Identity!.Name!, kind.Value, kind == DecisionKind.Confirm ? reasonCode ?? "employment-fraud" : null,
            string.IsNullOrWhiteSpace(note) ? null : note.Trim(), clock.GetUtcNow(), ct);
        if (!result.Accepted)
        {
            Message = "판정하지 못했습니다: " + result.Reason;
            return RedirectToPage(new { id });
        }

        Message = $"판정 기록됨: {result.Reason}";
        var next = await queue.ListAsync(new QueueQuery { Status = ReviewStatus.Open, Limit = 1 }, ct);
        return next.Count > 0 ? Redirect($"/items/{next[0].Id}") : Redirect("/queue");
    }
}
