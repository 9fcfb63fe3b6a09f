using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using ScamWatch.Accounts;
using ScamWatch.Takedown;

namespace ScamWatch.Web.Pages;

/// <summary>
/// The platform operator's page: its own platform's takedown requests with their history, downloads in every format,
/// and acknowledging / reporting outcomes (operators only; admins read any platform through a picker).
/// </summary>
public sealed class OperatorModel(TakedownStore store, IOptions<TakedownOptions> options, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Korean state names (translated through <see cref="Labels"/>).</summary>
    public static readonly IReadOnlyDictionary<string, string> StateLabels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [TakedownState.Pending] = "전달 전",
        [TakedownState.Sent] = "전달됨",
        [TakedownState.Acknowledged] = "접수됨",
        [TakedownState.Removed] = "삭제됨",
        [TakedownState.Refused] = "삭제 거부",
        [TakedownState.NoResponse] = "무응답",
        [TakedownState.VerifiedRemoved] = "삭제 확인됨",
        [TakedownState.Reappeared] = "재게시됨",
    };

    /// <summary>What the operator may record, with its button label, in the order the buttons appear.</summary>
    public static readonly IReadOnlyList<(string Outcome, TakedownEvent Event, string Label)> Actions =
        [("acknowledged", TakedownEvent.Acknowledged, "접수"), ("removed", TakedownEvent.Removed, "삭제 완료"), ("refused", TakedownEvent.Refused, "삭제 거부하기")];

    public sealed record Row(TakedownRequest Request, IReadOnlyList<TakedownEventRow> Events, bool Overdue);

    public string? Platform { get; private set; }

    /// <summary>For admins: every platform with requests.</summary>
    public IReadOnlyList<string> Platforms { get; private set; } = [];

    public string? State { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public long After { get; private set; }

    public long? NextAfter { get; private set; }

    public bool CanAct => User.IsInRole(Roles.Operator);

    /// <summary>This page in another state (and, for admins, the same platform).</summary>
    public string Link(string? state, long? after = null)
    {
        var query = new Microsoft.AspNetCore.Http.Extensions.QueryBuilder();
        if (!CanAct && Platform is not null)
        {
            query.Add("platform", Platform);
        }

        if (state is not null)
        {
            query.Add("state", state);
        }

        if (after is not null)
        {
            query.Add("after", after.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return "/operator" + query;
    }

    /// <summary>A download of what the page lists (an operator's own platform is implied).</summary>
    public string Download(string format, bool english) => OperatorDownloads.Link(format, State, CanAct ? null : Platform, english);

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool MessageIsError { get; set; }

    public async Task<IActionResult> OnGetAsync(string? platform, string? state, long? after, CancellationToken ct)
    {
        var (allowed, scope) = OperatorAccess.ReadScope(User, platform);
        if (!allowed)
        {
            return Forbid();
        }

        if (!CanAct)
        {
            Platforms = (await store.PlatformsAsync(ct)).Select(p => p.Platform).ToList();
            scope ??= Platforms.Count > 0 ? Platforms[0] : null;
        }

        Platform = scope;
        State = state is not null && TakedownState.All.Contains(state) ? state : null;
        After = Math.Max(0, after ?? 0);
        if (Platform is null)
        {
            return Page();
        }

        var now = clock.GetUtcNow();
        var rows = new List<Row>();
        await foreach (var request in store.StreamAsync(Platform, State, After, ct))
        {
            if (rows.Count == PageSize)
            {
                NextAfter = rows[^1].Request.Id;
                break;
            }

            // Showing a pending request to its operator delivers it, as listing it through the API does.
            var shown = await OperatorAccess.DeliverAsync(User, request, "web", store, options.Value, now, ct);
            rows.Add(new Row(shown, await store.EventsAsync(shown.Id, ct), OperatorAccess.IsOverdue(shown, now)));
        }

        Rows = rows;
        return Page();
    }

    public async Task<IActionResult> OnPostActAsync(long id, string? outcome, string? note, string? state, CancellationToken ct)
    {
        if (!CanAct || User.Platform() is not { } platform)
        {
            return Forbid();
        }

        TakedownEvent? e = outcome switch
        {
            "acknowledged" => TakedownEvent.Acknowledged,
            "removed" => TakedownEvent.Removed,
            "refused" => TakedownEvent.Refused,
            _ => null,
        };
        if (!OperatorAccess.InScope(await store.GetAsync(id, ct), platform))
        {
            return NotFound();
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var problem = e is null ? "outcome must be acknowledged, removed or refused" : OperatorBody.NoteProblem(note);
        if (problem is not null)
        {
            (Message, MessageIsError) = ($"#{id}: {problem}", true);
        }
        else
        {
            var t = await store.TransitionAsync(id, e!.Value, "web:" + User.Identity!.Name, note, clock.GetUtcNow(), ct: ct);
            (Message, MessageIsError) = ($"#{id}: {(t.Changed ? $"{t.From} → {t.To}" : t.Reason)}", !t.Allowed);
        }

        return RedirectToPage(new { state = state is not null && TakedownState.All.Contains(state) ? state : null });
    }
}
